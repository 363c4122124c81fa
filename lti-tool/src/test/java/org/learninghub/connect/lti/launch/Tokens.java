package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/** A test platform's keys, registration and id_tokens, all made with Nimbus. */
final class Tokens {

    static final String ISSUER = "https://lms.example.nhs.uk";
    static final String CLIENT_ID = "hub-client";
    static final String DEPLOYMENT = "dep-1";
    static final String NONCE = "nonce-123";
    static final URI TARGET = URI.create("https://hub.example/lti/launch");
    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static PlatformRegistration registration() {
        return new PlatformRegistration(7, 3, ISSUER, CLIENT_ID, Set.of(DEPLOYMENT), URI.create(ISSUER + "/auth"),
                Optional.of(URI.create(ISSUER + "/token")), Optional.empty(), Optional.of(URI.create(ISSUER + "/jwks")),
                Optional.empty(), true);
    }

    /** The claims of a valid resource link launch, to be spoilt one rule at a time. */
    static JWTClaimsSet.Builder resourceLaunch() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-42")
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", NONCE)
                .claim("name", "Ada Lovelace")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
                .claim(LtiClaims.TARGET_LINK_URI, TARGET.toString())
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1", "title", "Fire safety"))
                .claim(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-9", "title", "Induction", "type", List.of("CourseOffering")))
                .claim(LtiClaims.CUSTOM, Map.of("hub_resource_id", "demo-1", "attempts", 3));
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tokens() {
    }
}
