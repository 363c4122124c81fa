package org.learninghub.connect.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.page.LtiProblem;

class IdTokenVerifierTest {

    static final RSAKey PLATFORM = Tokens.newKey("platform-1");
    static final JWKSource<SecurityContext> KEYS = new ImmutableJWKSet<>(new JWKSet(PLATFORM.toPublicJWK()));

    final IdTokenVerifier verifier = new IdTokenVerifier(30, Clock.fixed(Tokens.NOW, ZoneOffset.UTC));

    JWTClaimsSet verify(String token) {
        return verifier.verify(token, Tokens.registration(), KEYS, Tokens.NONCE);
    }

    String rejection(String token) {
        LtiProblem problem = assertThrows(LtiProblem.class, () -> verify(token));
        assertTrue(problem.status().getStatusCode() >= 400 && problem.status().getStatusCode() < 500, problem.getMessage());
        return problem.getMessage();
    }

    @Test
    void acceptsAValidToken() {
        JWTClaimsSet claims = verify(Tokens.sign(Tokens.resourceLaunch().build(), PLATFORM));
        assertEquals("user-42", claims.getSubject());
    }

    @Test
    void rejectsBadSignature() {
        RSAKey impostor = Tokens.newKey("platform-1");
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().build(), impostor)).contains("rejected"));
    }

    @Test
    void rejectsUnknownKid() {
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().build(), Tokens.newKey("other"))).contains("rejected"));
    }

    @Test
    void rejectsAlgNone() {
        String token = new PlainJWT(Tokens.resourceLaunch().build()).serialize();
        assertTrue(rejection(token).contains("not signed"));
    }

    @Test
    void rejectsHs256WithThePublicKeyAsSecret() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("platform-1").build(),
                Tokens.resourceLaunch().build());
        jwt.sign(new MACSigner(PLATFORM.toRSAPublicKey().getEncoded()));
        assertTrue(rejection(jwt.serialize()).contains("only RS256"));
    }

    @Test
    void rejectsExpiredToken() {
        String token = Tokens.sign(Tokens.resourceLaunch().expirationTime(Date.from(Tokens.NOW.minusSeconds(31))).build(), PLATFORM);
        assertTrue(rejection(token).contains("Expired"));
    }

    @Test
    void acceptsExpiryWithinTheClockSkew() {
        verify(Tokens.sign(Tokens.resourceLaunch().expirationTime(Date.from(Tokens.NOW.minusSeconds(10))).build(), PLATFORM));
    }

    @Test
    void rejectsIssuedAtInTheFuture() {
        String token = Tokens.sign(Tokens.resourceLaunch().issueTime(Date.from(Tokens.NOW.plusSeconds(120))).build(), PLATFORM);
        assertTrue(rejection(token).contains("iat"));
    }

    @Test
    void rejectsWrongAudience() {
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().audience("someone-else").build(), PLATFORM)).contains("aud"));
    }

    @Test
    void acceptsAudienceAsArrayWithOneValue() {
        verify(Tokens.sign(Tokens.resourceLaunch().audience(List.of(Tokens.CLIENT_ID)).build(), PLATFORM));
    }

    @Test
    void rejectsMultipleAudiencesWithoutAzp() {
        String token = Tokens.sign(Tokens.resourceLaunch().audience(List.of(Tokens.CLIENT_ID, "other")).build(), PLATFORM);
        assertTrue(rejection(token).contains("azp"));
    }

    @Test
    void acceptsMultipleAudiencesWithOurAzp() {
        verify(Tokens.sign(Tokens.resourceLaunch().audience(List.of(Tokens.CLIENT_ID, "other"))
                .claim("azp", Tokens.CLIENT_ID).build(), PLATFORM));
    }

    @Test
    void rejectsAzpOfAnotherClient() {
        String token = Tokens.sign(Tokens.resourceLaunch().audience(List.of(Tokens.CLIENT_ID, "other"))
                .claim("azp", "other").build(), PLATFORM);
        assertTrue(rejection(token).contains("azp"));
    }

    @Test
    void rejectsWrongIssuer() {
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().issuer("https://evil.example").build(), PLATFORM)).contains("iss"));
    }

    @Test
    void rejectsNonceOfAnotherLogin() {
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().claim("nonce", "other").build(), PLATFORM)).contains("nonce"));
    }

    @Test
    void rejectsMissingNonce() {
        assertTrue(rejection(Tokens.sign(Tokens.resourceLaunch().claim("nonce", null).build(), PLATFORM)).contains("nonce"));
    }

    @Test
    void rejectsGarbage() {
        assertEquals(400, assertThrows(LtiProblem.class, () -> verify("not.a.jwt")).status().getStatusCode());
    }
}
