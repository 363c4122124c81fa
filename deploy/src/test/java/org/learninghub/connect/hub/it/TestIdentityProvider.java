package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect provider for tests, over real HTTP on the loopback: discovery, an authorization endpoint
 * that signs the person the test names in at once (checking the request and keeping its PKCE challenge and
 * nonce), a token endpoint that checks client authentication (Basic), the redirect URI and the PKCE verifier,
 * and the JWKS. Its codes may be redeemed again on purpose, so a refused replay is the Hub's doing alone.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "hub-it-client";
    static final String CLIENT_SECRET = "hub-it-client-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final RSAKey key;
    /** Another key under the same key id: what it signs fails the signature check, not the key lookup. */
    private final RSAKey impostor;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger authorizeRefusals = new AtomicInteger();

    private volatile String email = "nobody@example.org";
    private volatile String subject = "nobody";
    private volatile UnaryOperator<JWTClaimsSet.Builder> tamper = UnaryOperator.identity();
    private volatile boolean signWithImpostor;

    private record Grant(String challenge, String nonce, String redirectUri, String email, String subject) {
    }

    TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("it-key").generate();
            impostor = new RSAKeyGenerator(2048).keyID("it-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person the next sign-ins are for, and how their id_token is to be made (normal by default). */
    void nextPerson(String email, String subject) {
        this.email = email;
        this.subject = subject;
        this.tamper = UnaryOperator.identity();
        this.signWithImpostor = false;
    }

    void tamper(UnaryOperator<JWTClaimsSet.Builder> tamper) {
        this.tamper = tamper;
    }

    void signWithImpostor() {
        this.signWithImpostor = true;
    }

    private void discovery(HttpExchange ex) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer());
        doc.put("authorization_endpoint", issuer() + "/authorize");
        doc.put("token_endpoint", issuer() + "/token");
        doc.put("jwks_uri", issuer() + "/jwks");
        doc.put("response_types_supported", new String[] {"code"});
        doc.put("token_endpoint_auth_methods_supported", new String[] {"client_secret_basic"});
        doc.put("code_challenge_methods_supported", new String[] {"S256"});
        json(ex, 200, doc);
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String challenge = q.get("code_challenge");
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || !"S256".equals(q.get("code_challenge_method")) || challenge == null || challenge.length() != 43
                || q.get("state") == null || q.get("nonce") == null || q.get("redirect_uri") == null
                || !q.getOrDefault("scope", "").contains("openid")) {
            authorizeRefusals.incrementAndGet();
            json(ex, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(challenge, q.get("nonce"), q.get("redirect_uri"), email, subject));
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state="
                + enc(q.get("state")));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        tokenCalls.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString((enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET))
                .getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(ex.getRequestMethod()) || !expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            json(ex, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> f = form(new String(ex.getRequestBody().readNBytes(65536), StandardCharsets.UTF_8));
        Grant grant = grants.get(f.getOrDefault("code", ""));
        if (!"authorization_code".equals(f.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(f.get("redirect_uri")) || f.get("code_verifier") == null
                || !grant.challenge().equals(s256(f.get("code_verifier")))) {
            json(ex, 400, Map.of("error", "invalid_grant"));
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject(grant.subject())
                .claim("email", grant.email())
                .claim("nonce", grant.nonce())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                tamper.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(signWithImpostor ? impostor : key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        json(ex, 200, Map.of("access_token", "opaque", "token_type", "Bearer", "id_token", jwt.serialize()));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
