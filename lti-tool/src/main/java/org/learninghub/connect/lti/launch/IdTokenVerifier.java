package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.ws.rs.core.Response.Status;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/**
 * Verifies a platform's id_token as OpenID Connect Core §3.1.3.7 and the 1EdTech Security Framework
 * §5.1.3 require: signature, algorithm, issuer, audience, authorised party, times and nonce. The LTI
 * claims are {@link LaunchClaimsValidator}'s job.
 */
public final class IdTokenVerifier {

    private static final Logger LOG = Logger.getLogger(IdTokenVerifier.class.getName());

    private final int clockSkewSeconds;
    private final Clock clock;

    public IdTokenVerifier(int clockSkewSeconds, Clock clock) {
        this.clockSkewSeconds = clockSkewSeconds;
        this.clock = clock;
    }

    /** The claims of a token that passed every check, or an {@link LtiProblem} naming the first rule broken. */
    public JWTClaimsSet verify(String idToken, PlatformRegistration registration, JWKSource<SecurityContext> keys,
                               String expectedNonce) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw LtiProblem.badRequest("The id_token is not a JWT.");
        }
        // Security Framework §5.1.3 rule 6 / §6.1: an unsigned (alg=none) or encrypted token is never accepted.
        if (!(jwt instanceof SignedJWT signed)) {
            throw rejected("The id_token is not signed (alg=none is refused).");
        }
        // Security Framework §6.1 and OIDC Core §3.1.3.7 rule 7: RS256 only, so HS256 with a public key as secret fails.
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw rejected("The id_token is signed with " + signed.getHeader().getAlgorithm() + "; only RS256 is accepted.");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // OIDC Core §3.1.3.7 rule 6: the signature must verify with the platform's key named by kid.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(claimsVerifier(registration, expectedNonce));
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (RateLimitReachedException e) {
            throw rejected("The id_token's key (kid) is not among the platform's keys.");
        } catch (BadJOSEException e) {
            throw rejected("The id_token was rejected: " + e.getMessage());
        } catch (JOSEException e) {
            // What went wrong (the keyset URL, its status, network or parse errors) is for the administrator's
            // log; the page shows none of it, so nothing the keyset URL answers reaches users.
            LOG.warning(() -> "Keyset of platform registration " + registration.id() + " (" + registration.issuer()
                    + ") could not be fetched: " + LogText.of(e.getMessage()));
            throw new LtiProblem(Status.BAD_GATEWAY, "The platform's keys could not be fetched.");
        }
        checkIssuedAt(claims);
        checkAuthorisedParty(claims, registration.clientId());
        return claims;
    }

    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(PlatformRegistration registration, String nonce) {
        // OIDC Core §3.1.3.7 rule 2 (iss equals the registered issuer), rule 3 (aud contains our client_id),
        // rule 9 (exp in the future, with skew) and rule 11 (nonce equals the one sent at login).
        JWTClaimsSet exact = new JWTClaimsSet.Builder()
                .issuer(registration.issuer())
                .claim("nonce", nonce)
                .build();
        Set<String> required = Set.of(JWTClaimNames.ISSUER, JWTClaimNames.AUDIENCE, JWTClaimNames.EXPIRATION_TIME,
                JWTClaimNames.ISSUED_AT, "nonce");
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(Set.of(registration.clientId()), exact, required, null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew(clockSkewSeconds);
        return verifier;
    }

    /** OIDC Core §3.1.3.7 rule 10: a token issued in the future (beyond the skew) is refused. */
    private void checkIssuedAt(JWTClaimsSet claims) {
        Instant latest = clock.instant().plusSeconds(clockSkewSeconds);
        if (claims.getIssueTime().toInstant().isAfter(latest)) {
            throw rejected("The id_token's iat is in the future.");
        }
    }

    /**
     * OIDC Core §3.1.3.7 rules 4 and 5, Security Framework §5.1.3 rule 4: with several audiences, azp must be
     * present and be our client_id; an azp, when present, must always be our client_id.
     */
    private void checkAuthorisedParty(JWTClaimsSet claims, String clientId) {
        List<String> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if (audience.size() > 1 && azp == null) {
            throw rejected("The id_token has several audiences but no azp.");
        }
        if (azp != null && !clientId.equals(azp)) {
            throw rejected("The id_token's azp is not this tool's client_id.");
        }
    }

    private static LtiProblem rejected(String reason) {
        return LtiProblem.unauthorized(reason);
    }
}
