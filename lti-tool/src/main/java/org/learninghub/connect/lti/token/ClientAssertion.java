package org.learninghub.connect.lti.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The JWT a tool authenticates with at a platform's token endpoint (Security Framework §4.1.1, RFC 7523
 * §3): {@code iss} = {@code sub} = the client_id, {@code aud} = the token endpoint or the audience the
 * platform asked for, a fresh {@code jti}, {@code iat} now and a short {@code exp}; RS256 with the tool's
 * current key, whose {@code kid} is published at {@code /lti/jwks}.
 */
public final class ClientAssertion {

    /** Long enough for clocks a little apart, short enough that a leaked assertion is soon worthless. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private ClientAssertion() {
    }

    public static String signed(String clientId, String audience, RSAKey key, Instant now) {
        Objects.requireNonNull(clientId, "clientId is required");
        Objects.requireNonNull(audience, "audience is required");
        Objects.requireNonNull(key.getKeyID(), "the tool key needs a kid");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a client assertion", e);
        }
    }
}
