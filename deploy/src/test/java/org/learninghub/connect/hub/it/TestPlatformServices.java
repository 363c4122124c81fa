package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's LTI Advantage services for tests, on its own loopback HTTP server: an OAuth 2.0 token endpoint
 * that checks the client assertion as strict platforms do (signature with the key the tool's JWKS names by
 * {@code kid}, {@code iss} = {@code sub} = client_id, {@code aud} = its URL, {@code exp}, and a {@code jti} it
 * has not seen), AGS line items, scores and results, and NRPS memberships, with paging and bearer checks.
 * Failures are injected per path prefix ({@link #fail}): each answers one request instead of the service.
 */
public final class TestPlatformServices implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    /** One injected answer: status, headers and body, for the next request whose path starts with the prefix. */
    record Fault(String pathPrefix, int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    public final String clientId;
    private final URL toolJwksUrl;
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<String> tokenRefusals = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<Map<String, Object>> scores = new CopyOnWriteArrayList<>();
    public final List<String> scoreContentTypes = new CopyOnWriteArrayList<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Hold> holds = new ConcurrentLinkedDeque<>();
    /** Every hold ever made, released on close: a held request blocks the dispatcher that stopping waits for. */
    private final List<Hold> allHolds = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> lineItems = new LinkedHashMap<>();
    private final AtomicInteger lineItemIds = new AtomicInteger();
    private volatile List<Map<String, Object>> members = new ArrayList<>();
    private volatile long expiresIn = 3600;

    private TestPlatformServices(URL toolJwksUrl, String clientId) throws IOException {
        this.toolJwksUrl = toolJwksUrl;
        this.clientId = clientId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                handle(exchange);
            } catch (RuntimeException e) {
                answer(exchange, 500, Map.of(), "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            } finally {
                exchange.close();
            }
        });
        server.start();
        for (int i = 1; i <= 5; i++) {
            members.add(member("user-" + i, i == 1 ? INSTRUCTOR : LEARNER, i <= 3 ? "rl-1" : "rl-2"));
        }
    }

    /** Services that trust the tool keys published at {@code toolJwksUrl}, as a platform trusts {@code /lti/jwks}. */
    public static TestPlatformServices start(URL toolJwksUrl) {
        return start(toolJwksUrl, "client-" + UUID.randomUUID());
    }

    /** Services of the platform whose tool registration has {@code clientId} (a launching {@link TestPlatform}). */
    public static TestPlatformServices start(URL toolJwksUrl, String clientId) {
        try {
            return new TestPlatformServices(toolJwksUrl, clientId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI tokenUrl() {
        return URI.create(base() + "/token");
    }

    public URI lineItemsUrl() {
        return URI.create(base() + "/ags/lineitems");
    }

    public URI membershipsUrl() {
        return URI.create(base() + "/nrps/memberships");
    }

    /** The context's membership from now on: members as {@link #rosterMember} makes them. */
    public void members(List<Map<String, Object>> replacement) {
        members = List.copyOf(replacement);
    }

    /** A member with one context role (a full LIS URI) and a status ({@code Active}, {@code Inactive}, …). */
    public static Map<String, Object> rosterMember(String userId, String role, String status) {
        Map<String, Object> member = member(userId, role, "rl-1");
        member.put("status", status);
        return member;
    }

    /** The next request under {@code pathPrefix} gets this answer instead of the service's. */
    public void fail(String pathPrefix, int status, Map<String, String> headers, String body) {
        faults.add(new Fault(pathPrefix, status, headers, body));
    }

    /**
     * The next request under {@code pathPrefix} that no injected answer ({@link #fail}) takes is held: it is read,
     * never answered, and its connection closed only when the hold is released (or after {@link Hold#MAX_HOLD}), as
     * a platform that stops answering mid-call. The services answer nothing else meanwhile (one dispatcher thread).
     */
    public Hold hold(String pathPrefix) {
        Hold hold = new Hold(pathPrefix);
        holds.add(hold);
        allHolds.add(hold);
        return hold;
    }

    /** A request held by {@link #hold}: the test waits for it to arrive, then lets it go. */
    public static final class Hold {
        static final java.time.Duration MAX_HOLD = java.time.Duration.ofMinutes(3);

        private final String pathPrefix;
        private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        private Hold(String pathPrefix) {
            this.pathPrefix = pathPrefix;
        }

        /** Whether the held request arrived within {@code atMost}. */
        public boolean arrived(java.time.Duration atMost) throws InterruptedException {
            return arrived.await(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }

        private void keep() {
            arrived.countDown();
            try {
                released.await(MAX_HOLD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every access token issued so far stops working (revoked, or the platform restarted). */
    public void revokeTokens() {
        tokens.clear();
    }

    public void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** Replays a form to the token endpoint as an attacker holding an old assertion would. */
    public int postToken(String form) throws IOException {
        var connection = (java.net.HttpURLConnection) tokenUrl().toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        connection.getOutputStream().write(form.getBytes(StandardCharsets.UTF_8));
        return connection.getResponseCode();
    }

    /** The last client assertion the token endpoint accepted. */
    public volatile String lastAssertion;

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        for (Fault fault : faults) {
            if (path.startsWith(fault.pathPrefix()) && faults.remove(fault)) {
                answer(exchange, fault.status(), fault.headers(), fault.body());
                return;
            }
        }
        // After the injected answers: a test queues the failures that come before the hold first.
        for (Hold hold : holds) {
            if (path.startsWith(hold.pathPrefix) && holds.remove(hold)) {
                exchange.getRequestBody().readAllBytes();
                hold.keep();
                return;
            }
        }
        if (path.equals("/token")) {
            token(exchange);
        } else if (path.startsWith("/ags/lineitems")) {
            ags(exchange, path);
        } else if (path.startsWith("/nrps/memberships")) {
            memberships(exchange);
        } else {
            answer(exchange, 404, Map.of(), "{}");
        }
    }

    /** Security Framework §4.1 as LTI-PHP and Moodle check it. */
    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String refusal = refusal(form);
        if (refusal != null) {
            tokenRefusals.add(refusal);
            answer(exchange, 400, Map.of(), TestPlatform.json(Map.of("error", "invalid_client", "error_description", refusal)));
            return;
        }
        lastAssertion = form.get("client_assertion");
        String token = UUID.randomUUID().toString();
        tokens.put(token, Set.of(form.get("scope").split(" ")));
        answer(exchange, 200, Map.of("Content-Type", "application/json"), TestPlatform.json(Map.of(
                "access_token", token, "token_type", "Bearer", "expires_in", expiresIn, "scope", form.get("scope"))));
    }

    private String refusal(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return "grant_type";
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return "client_assertion_type";
        }
        if (form.get("scope") == null || form.get("scope").isBlank()) {
            return "scope";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return "alg";
            }
            RSAKey key = (RSAKey) JWKSet.load(toolJwksUrl).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                return "kid not in the tool's JWKS";
            }
            if (!jwt.verify(new RSASSAVerifier(key))) {
                return "signature";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
                return "iss/sub";
            }
            if (!claims.getAudience().contains(tokenUrl().toString())) {
                return "aud";
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())
                    || claims.getIssueTime() == null) {
                return "exp/iat";
            }
            if (claims.getJWTID() == null || !usedJtis.add(claims.getJWTID())) {
                return "jti reused";
            }
            return null;
        } catch (Exception e) {
            return "assertion: " + e.getMessage();
        }
    }

    /** The bearer token must be live and carry one of {@code scopes}. */
    private boolean authorized(HttpExchange exchange, String... scopes) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Set<String> granted = header == null || !header.startsWith("Bearer ") ? null : tokens.get(header.substring(7));
        if (granted == null) {
            answer(exchange, 401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), "{\"error\":\"invalid_token\"}");
            return false;
        }
        if (java.util.Arrays.stream(scopes).noneMatch(granted::contains)) {
            answer(exchange, 403, Map.of(), "{\"error\":\"insufficient_scope\"}");
            return false;
        }
        return true;
    }

    private boolean accepts(HttpExchange exchange, String mediaType) throws IOException {
        if (!mediaType.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            answer(exchange, 406, Map.of(), "{}");
            return false;
        }
        return true;
    }

    private void ags(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        String rest = path.substring("/ags/lineitems".length());
        if (rest.isEmpty() && method.equals("GET")) {
            if (!authorized(exchange, AGS + "lineitem.readonly", AGS + "lineitem") || !accepts(exchange, "application/vnd.ims.lis.v2.lineitemcontainer+json")) {
                return;
            }
            Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
            List<Object> matching;
            synchronized (lineItems) {
                matching = lineItems.values().stream()
                        .filter(li -> q.get("tag") == null || q.get("tag").equals(li.get("tag")))
                        .filter(li -> q.get("resource_id") == null || q.get("resource_id").equals(li.get("resourceId")))
                        .filter(li -> q.get("resource_link_id") == null || q.get("resource_link_id").equals(li.get("resourceLinkId")))
                        .map(li -> (Object) li).toList();
            }
            page(exchange, "application/vnd.ims.lis.v2.lineitemcontainer+json", matching, q, lineItemsUrl().toString(), null);
        } else if (rest.isEmpty() && method.equals("POST")) {
            if (!authorized(exchange, AGS + "lineitem")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = JSON.readValue(exchange.getRequestBody(), Map.class);
            String id = lineItemsUrl() + "/" + lineItemIds.incrementAndGet();
            item.put("id", id);
            synchronized (lineItems) {
                lineItems.put(id, item);
            }
            answer(exchange, 201, Map.of("Content-Type", "application/vnd.ims.lis.v2.lineitem+json"), TestPlatform.json(item));
        } else if (rest.endsWith("/scores") && method.equals("POST")) {
            if (!authorized(exchange, AGS + "score")) {
                return;
            }
            scoreContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> score = JSON.readValue(exchange.getRequestBody(), Map.class);
            score.put("scoreOf", base() + path.substring(0, path.length() - "/scores".length()));
            scores.add(score);
            answer(exchange, 204, Map.of(), null);
        } else if (rest.endsWith("/results") && method.equals("GET")) {
            if (!authorized(exchange, AGS + "result.readonly")
                    || !accepts(exchange, "application/vnd.ims.lis.v2.resultcontainer+json")) {
                return;
            }
            String lineItem = base() + path.substring(0, path.length() - "/results".length());
            Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
            List<Object> results = scores.stream().filter(s -> lineItem.equals(s.get("scoreOf")))
                    .filter(s -> q.get("user_id") == null || q.get("user_id").equals(s.get("userId")))
                    .map(s -> (Object) Map.of("id", lineItem + "/results/" + s.get("userId"), "scoreOf", lineItem,
                            "userId", s.get("userId"), "resultScore", s.get("scoreGiven"),
                            "resultMaximum", s.get("scoreMaximum")))
                    .toList();
            page(exchange, "application/vnd.ims.lis.v2.resultcontainer+json", results, q, lineItem + "/results", null);
        } else {
            String id = base() + path;
            Map<String, Object> item;
            synchronized (lineItems) {
                item = lineItems.get(id);
            }
            if (item == null) {
                answer(exchange, 404, Map.of(), "{}");
            } else if (method.equals("GET")) {
                if (authorized(exchange, AGS + "lineitem.readonly", AGS + "lineitem") && accepts(exchange, "application/vnd.ims.lis.v2.lineitem+json")) {
                    answer(exchange, 200, Map.of("Content-Type", "application/vnd.ims.lis.v2.lineitem+json"), TestPlatform.json(item));
                }
            } else if (method.equals("PUT") && authorized(exchange, AGS + "lineitem")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> changed = JSON.readValue(exchange.getRequestBody(), Map.class);
                changed.put("id", id);
                synchronized (lineItems) {
                    lineItems.put(id, changed);
                }
                answer(exchange, 200, Map.of("Content-Type", "application/vnd.ims.lis.v2.lineitem+json"), TestPlatform.json(changed));
            } else if (method.equals("DELETE") && authorized(exchange, AGS + "lineitem")) {
                synchronized (lineItems) {
                    lineItems.remove(id);
                }
                answer(exchange, 204, Map.of(), null);
            }
        }
    }

    private void memberships(HttpExchange exchange) throws IOException {
        if (!authorized(exchange, NRPS_SCOPE)
                || !accepts(exchange, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")) {
            return;
        }
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        List<Object> matching = members.stream()
                .filter(m -> q.get("role") == null || ((List<?>) m.get("roles")).contains(q.get("role"))
                        || ((List<?>) m.get("roles")).contains("http://purl.imsglobal.org/vocab/lis/v2/membership#" + q.get("role")))
                .filter(m -> q.get("rlid") == null || q.get("rlid").equals(m.get("rlid")))
                .map(m -> {
                    Map<String, Object> copy = new LinkedHashMap<>(m);
                    copy.remove("rlid");
                    return (Object) copy;
                })
                .toList();
        if (q.containsKey("since")) {
            matching = List.of(Map.of("user_id", "user-2", "roles", List.of(LEARNER), "status", "Deleted"));
        }
        page(exchange, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", matching, q,
                membershipsUrl().toString(), membershipsUrl() + "?since=1");
    }

    /**
     * One page of {@code items} from {@code q.page} (default 0) of {@code q.limit} (default all), with
     * {@code Link: rel="next"} while more follow; NRPS pages are wrapped in a membership container and
     * the last carries {@code rel="differences"}.
     */
    private void page(HttpExchange exchange, String mediaType, List<Object> items, Map<String, String> q,
                      String url, String differences) throws IOException {
        int limit = q.get("limit") == null ? Math.max(items.size(), 1) : Integer.parseInt(q.get("limit"));
        int page = q.get("page") == null ? 0 : Integer.parseInt(q.get("page"));
        int from = Math.min(page * limit, items.size());
        int to = Math.min(from + limit, items.size());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mediaType);
        String sep = url.contains("?") ? "&" : "?";
        StringBuilder link = new StringBuilder();
        if (to < items.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("page", Integer.toString(page + 1));
            next.put("limit", Integer.toString(limit));
            StringBuilder query = new StringBuilder();
            next.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            link.append('<').append(url).append(sep).append(query).append(">; rel=\"next\"");
        } else if (differences != null) {
            link.append('<').append(differences).append(">; rel=\"differences\"");
        }
        if (link.length() > 0) {
            headers.put("Link", link.toString());
        }
        Object body = items.subList(from, to);
        if (differences != null) {
            body = Map.of("id", url, "context", Map.of("id", "c-1", "title", "Ward induction"), "members", body);
        }
        answer(exchange, 200, headers, TestPlatform.json(body));
    }

    private static Map<String, Object> member(String userId, String role, String rlid) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("user_id", userId);
        member.put("roles", List.of(role));
        member.put("status", "Active");
        member.put("name", "Member " + userId);
        member.put("email", userId + "@example.org");
        member.put("rlid", rlid);
        return member;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        allHolds.forEach(Hold::release);
        server.stop(0);
    }
}
