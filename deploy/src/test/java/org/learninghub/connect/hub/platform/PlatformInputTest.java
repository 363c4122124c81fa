package org.learninghub.connect.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;

class PlatformInputTest {

    static PlatformInput input(String issuer, String authUrl, String jwksUrl, Map<String, Object> jwk) {
        return new PlatformInput(issuer, "client-1", List.of("d1", "d1", "d2"), authUrl, "https://lms.example/token",
                null, jwksUrl, jwk);
    }

    static String field(Runnable r) {
        HubProblem problem = assertThrows(HubProblem.class, r::run);
        assertEquals(400, problem.status().getStatusCode());
        return problem.field();
    }

    @Test
    void acceptsHttpsAndRemovesDuplicateDeployments() {
        PlatformInput ok = input("https://lms.example", "https://lms.example/auth", "https://lms.example/jwks", null);
        assertEquals(List.of("d1", "d2"), ok.deploymentIds());
    }

    @Test
    void acceptsPlainHttpOnlyOnThisMachine() {
        input("http://localhost:8081", "http://127.0.0.1:8081/auth", "http://[::1]:8081/jwks", null);
        assertEquals("authLoginUrl", field(() -> input("https://lms.example", "http://lms.example/auth",
                "https://lms.example/jwks", null)));
        assertEquals("issuer", field(() -> input("http://lms.example", "https://lms.example/auth",
                "https://lms.example/jwks", null)));
    }

    @Test
    void refusesUrlsThatAreNotWebUrls() {
        assertEquals("jwksUrl", field(() -> input("https://lms.example", "https://lms.example/auth", "file:///etc/passwd", null)));
        assertEquals("jwksUrl", field(() -> input("https://lms.example", "https://lms.example/auth", "/relative", null)));
        assertEquals("authLoginUrl", field(() -> input("https://lms.example", "https://user@lms.example/auth",
                "https://lms.example/jwks", null)));
    }

    @Test
    void needsExactlyOneKeySource() throws Exception {
        assertEquals("jwksUrl", field(() -> input("https://lms.example", "https://lms.example/auth", null, null)));
        Map<String, Object> jwk = new RSAKeyGenerator(2048).keyID("k").generate().toPublicJWK().toJSONObject();
        assertEquals("jwksUrl", field(() -> input("https://lms.example", "https://lms.example/auth",
                "https://lms.example/jwks", jwk)));
        PlatformInput withKey = input("https://lms.example", "https://lms.example/auth", null, jwk);
        assertTrue(withKey.publicKeyJson().orElseThrow().contains("\"kid\":\"k\""));
    }

    @Test
    void aStaticKeyMustBeAnRsaPublicKey() throws Exception {
        RSAKey pair = new RSAKeyGenerator(2048).keyID("k").generate();
        assertEquals("publicJwk", field(() -> input("https://lms.example", "https://lms.example/auth", null,
                pair.toJSONObject())));
        assertEquals("publicJwk", field(() -> input("https://lms.example", "https://lms.example/auth", null,
                Map.of("kty", "oct", "k", "c2VjcmV0"))));
    }

    @Test
    void refusesAnIssuerLongerThanItsColumn() {
        String longIssuer = "https://lms.example/" + "x".repeat(600);
        assertEquals("issuer", field(() -> input(longIssuer, "https://lms.example/auth", "https://lms.example/jwks", null)));
    }

    static final String LONG_URL = "https://lms.example/" + "u".repeat(2000);

    static PlatformInput full(String clientId, String deployment, String auth, String token, String audience,
                              String jwks) {
        return new PlatformInput("https://lms.example", clientId, List.of(deployment), auth, token, audience, jwks, null);
    }

    /** platform_registration: client_id VARCHAR(255), the URLs and audience VARCHAR(2000); deployment_id VARCHAR(255). */
    @Test
    void everyFieldLongerThanItsColumnIsRefusedNamingIt() {
        String auth = "https://lms.example/auth";
        String token = "https://lms.example/token";
        String jwks = "https://lms.example/jwks";
        full("c".repeat(255), "d".repeat(255), auth, token, "a".repeat(2000), jwks);
        assertEquals("clientId", field(() -> full("c".repeat(256), "d", auth, token, null, jwks)));
        assertEquals("deploymentIds", field(() -> full("c", "d".repeat(256), auth, token, null, jwks)));
        assertEquals("authLoginUrl", field(() -> full("c", "d", LONG_URL, token, null, jwks)));
        assertEquals("accessTokenUrl", field(() -> full("c", "d", auth, LONG_URL, null, jwks)));
        assertEquals("accessTokenAudience", field(() -> full("c", "d", auth, token, "a".repeat(2001), jwks)));
        assertEquals("jwksUrl", field(() -> full("c", "d", auth, token, null, LONG_URL)));
    }

    /** platform_registration.public_jwk is VARCHAR(4000). */
    @Test
    void aStaticKeyLongerThanItsColumnIsRefusedNamingIt() throws Exception {
        Map<String, Object> jwk = new RSAKeyGenerator(2048).keyID("k".repeat(4000)).generate().toPublicJWK()
                .toJSONObject();
        assertEquals("publicJwk", field(() -> input("https://lms.example", "https://lms.example/auth", null, jwk)));
    }

    @Test
    void needsClientIdAndDeployments() {
        assertEquals("clientId", field(() -> new PlatformInput("https://lms.example", " ", List.of("d"),
                "https://lms.example/auth", "https://lms.example/token", null, "https://lms.example/jwks", null)));
        assertEquals("deploymentIds", field(() -> new PlatformInput("https://lms.example", "c", List.of(),
                "https://lms.example/auth", "https://lms.example/token", null, "https://lms.example/jwks", null)));
    }

    static PlatformInput withFrameOrigins(List<String> origins) {
        return new PlatformInput("https://lms.example", "client-1", List.of("d1"), "https://lms.example/auth",
                "https://lms.example/token", null, "https://lms.example/jwks", null, null, origins);
    }

    @Test
    void platformStorageIsOffAndThereAreNoExtraFrameOriginsUnlessGiven() {
        PlatformInput plain = withFrameOrigins(null);
        assertEquals(false, plain.platformStorage());
        assertEquals(List.of(), plain.frameOrigins());
    }

    @Test
    void frameOriginsAreNormalisedOrigins() {
        assertEquals(List.of("https://school.example", "https://lms.example:8443", "http://127.0.0.1:9000"),
                withFrameOrigins(List.of("HTTPS://School.Example/", "https://lms.example:8443", "https://school.example",
                        "http://127.0.0.1:9000")).frameOrigins());
    }

    @Test
    void frameOriginsCannotWidenThePolicy() {
        for (String bad : List.of("https://lms.example/course", "https://lms.example?x", "https://*.example", "https:",
                "'self'", "*", "javascript:alert(1)", "http://lms.example", "https://lms.example;script-src *",
                "https://lms.example https://evil.example", "https://user@lms.example", "")) {
            assertEquals("frameOrigins", field(() -> withFrameOrigins(List.of(bad))), bad);
        }
        assertEquals("frameOrigins", field(() -> withFrameOrigins(java.util.Collections.nCopies(11, "https://lms.example"))));
    }
}
