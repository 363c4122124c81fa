package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LTI 1.3 platform for tests: its own RS256 key pair, a real JWKS endpoint over HTTP on 127.0.0.1, and
 * id_tokens signed the way an LMS signs them.
 */
public final class TestPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** What the hostile keyset answers with; a tool page must never contain it. */
    static final String HOSTILE_MARKER = "remote-content-from-the-keyset-url";

    private final HttpServer server;
    private final ServerSocket hostile;
    public final String issuer;
    public final String clientId = "client-" + UUID.randomUUID();
    public final String deploymentId = "deployment-1";
    public final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile RSAKey signingKey = newKey();
    private volatile List<RSAKey> published = List.of(signingKey);
    private volatile URI redirectUri;
    private volatile Map<String, Object> launchClaims = Map.of();

    /** The host name in every URL of the platform: it listens on 127.0.0.1 whichever name it goes by. */
    private final String host;

    private TestPlatform(String host) throws IOException {
        this.host = host;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            List<JWK> keys = published.stream().map(k -> (JWK) k.toPublicJWK()).toList();
            byte[] body = new JWKSet(keys).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // A keyset URL that moved: a tool must not follow the redirect to wherever it points.
        server.createContext("/jwks-moved", exchange -> {
            exchange.getResponseHeaders().add("Location", jwksUrl().toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/lms/auth", exchange -> {
            String page = authenticate(Browser.query(exchange.getRequestURI()));
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page.startsWith("<form") ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        hostile = hostileServer();
        issuer = "http://" + host + ":" + server.getAddress().getPort() + "/lms";
    }

    public static TestPlatform start() {
        return startAt("127.0.0.1");
    }

    /**
     * A platform whose URLs name {@code host} (a loopback name such as {@code localhost}): to a browser, a site
     * other than the Hub's 127.0.0.1, as a real LMS is.
     */
    public static TestPlatform startAt(String host) {
        try {
            return new TestPlatform(host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI authUrl() {
        return URI.create(issuer + "/auth");
    }

    public URI jwksUrl() {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/jwks");
    }

    /** A keyset URL that answers 302 to {@link #jwksUrl()}. */
    public URI movedJwksUrl() {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/jwks-moved");
    }

    /** A keyset URL whose answer is an error carrying {@link #HOSTILE_MARKER} in its status line and body. */
    public URI hostileJwksUrl() {
        return URI.create("http://" + host + ":" + hostile.getLocalPort() + "/jwks");
    }

    /**
     * A keyset server that answers every request with a 503 whose reason phrase and body are markup a tool
     * must never show its users. Raw socket: the JDK's HTTP server cannot send a reason phrase of its own.
     */
    private static ServerSocket hostileServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line;
                    do {
                        line = in.readLine();
                    } while (line != null && !line.isEmpty());
                    String body = "<script>" + HOSTILE_MARKER + "</script>";
                    String response = "HTTP/1.1 503 <b>" + HOSTILE_MARKER + "</b>\r\nContent-Type: text/html\r\n"
                            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
                    client.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed by close(), or the client went away
                }
            }
        }, "hostile-jwks");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    /** Serves more of the platform's pages on its own origin (e.g. dynamic registration endpoints). */
    public void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** The platform's origin, as a browser names the LMS page that frames the tool. */
    public String origin() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** The platform replaces its key: only the new one is published and signs from now on. */
    public void rotateKey() {
        signingKey = newKey();
        published = List.of(signingKey);
    }

    /** The admin API body registering this platform. */
    public String registrationJson() {
        return registrationJson(Map.of());
    }

    /** The admin API body registering this platform, with fields added or replaced. */
    public String registrationJson(Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("clientId", clientId);
        body.put("deploymentIds", List.of(deploymentId));
        body.put("authLoginUrl", authUrl().toString());
        body.put("accessTokenUrl", issuer + "/token");
        body.put("jwksUrl", jwksUrl().toString());
        body.putAll(changes);
        return json(body);
    }

    /** The redirect URI the LMS administrator registered for the tool: the auth endpoint accepts only it. */
    public void registerRedirectUri(URI redirectUri) {
        this.redirectUri = redirectUri;
    }

    /** Claims added to (or replacing those of) the id_tokens the auth endpoint signs, e.g. custom parameters. */
    public void launchClaims(Map<String, Object> claims) {
        this.launchClaims = Map.copyOf(claims);
    }

    /**
     * The platform's OIDC auth endpoint, checking what real platforms check, then answering as they do: a
     * form that posts the id_token and state to the redirect URI, submitted by the page's script in a real
     * browser. Anything else is an error text.
     */
    private String authenticate(Map<String, String> p) {
        boolean valid = "openid".equals(p.get("scope")) && "id_token".equals(p.get("response_type"))
                && "form_post".equals(p.get("response_mode")) && "none".equals(p.get("prompt"))
                && clientId.equals(p.get("client_id")) && redirectUri != null
                && redirectUri.toString().equals(p.get("redirect_uri"))
                && p.get("login_hint") != null && p.get("state") != null && p.get("nonce") != null;
        if (!valid) {
            return "invalid authentication request: " + p;
        }
        JWTClaimsSet.Builder claims = resourceLaunch(p.get("nonce"), redirectUri).subject(p.get("login_hint"));
        launchClaims.forEach(claims::claim);
        String idToken = sign(claims.build());
        return "<form id=\"platform\" method=\"post\" action=\"" + redirectUri + "\">"
                + "<input type=\"hidden\" name=\"id_token\" value=\"" + idToken + "\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + p.get("state") + "\"></form>"
                + "<script>document.getElementById('platform').submit();</script>";
    }

    /** The claims of a valid resource link launch for this login, to be changed per test. */
    public JWTClaimsSet.Builder resourceLaunch(String nonce, URI target) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("learner-7")
                .audience(clientId)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", "Mary Seacole")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target.toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl-1", "title", "Hand hygiene"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "c-1", "title", "Ward induction"));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            hostile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
