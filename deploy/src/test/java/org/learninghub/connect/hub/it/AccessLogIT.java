package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access log of the packaged server ({@code bin/hub}, whose output the test reads): one JSON line per request,
 * found by the request id the test sends, with status, caller, duration and bytes, and none of the secrets the
 * requests carried in headers, queries or paths. Requests the authentication mechanism refuses and those the
 * container refuses for a missing role are logged too. The same output carries the start-up warnings an operator
 * must see.
 */
class AccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(15);

    private static HubProcess hub;
    private static Path log;

    @BeforeAll
    static void startServer() throws IOException {
        log = HubProcess.logFile("access-log").toPath();
        Files.deleteIfExists(log);
        hub = HubProcess.start(Map.of(
                "HUB_DB_URL", System.getProperty("hub.test.db.url"),
                "HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"),
                "HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""),
                "HUB_KEYS_SECRET", "it-tool-keys-secret-for-tests-only"), log);
    }

    @AfterAll
    static void stopServer() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyRequestIsOneLineWithoutItsSecrets() {
        HubClient client = hub.client();
        XapiCredential lrs = XapiCredential.issue(client, "all");
        String idToken = "eyJ-secret-id-token-" + UUID.randomUUID();
        String state = "secret-state-" + UUID.randomUUID();
        String wrongSecret = "wrong-secret-" + UUID.randomUUID();
        String linkToken = "secret-link-" + UUID.randomUUID();
        String registrationToken = "secret-registration-" + UUID.randomUUID();
        String agent = "mailto:learner-" + UUID.randomUUID() + "@example.org";

        // An administrator's request with secrets in its query.
        String adminId = requestId();
        HttpResponse<String> admin = client.send(client.admin("/admin/api/trusts?id_token=" + idToken + "&state=" + state
                + "&limit=5").header("X-Request-Id", adminId).GET());
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(adminId, admin.headers().firstValue("X-Request-Id").orElse(""));

        // Refused by the authentication mechanism (no filter runs): a wrong secret, a learner in the query.
        String refusedId = requestId();
        HttpResponse<String> refused = client.send(client.request("/xapi/statements?agent="
                + URLEncoder.encode("{\"mbox\":\"" + agent + "\"}", StandardCharsets.UTF_8))
                .header("Authorization", HubClient.basic(lrs.key(), wrongSecret))
                .header("X-Experience-API-Version", "2.0.0").header("X-Request-Id", refusedId).GET());
        assertEquals(401, refused.statusCode(), refused.body());

        // Refused by the container: an LRS credential is no administrator.
        String forbiddenId = requestId();
        HttpResponse<String> forbidden = client.send(client.request("/admin/api/trusts")
                .header("Authorization", lrs.authorization()).header("X-Request-Id", forbiddenId).GET());
        assertEquals(403, forbidden.statusCode(), forbidden.body());

        // A registration link's token in the path and a registration token in the query.
        String registerId = requestId();
        HttpResponse<String> register = client.send(client.request("/lti/register/" + linkToken
                + "?registration_token=" + registrationToken).header("X-Request-Id", registerId).GET());
        assertTrue(register.statusCode() >= 400 && register.statusCode() < 500, register.statusCode() + register.body());

        // A stored statement, and a streamed query answer whose bytes are counted.
        String postId = requestId();
        HttpResponse<String> post = client.send(lrs.xapi(client, "/xapi/statements", "2.0.0")
                .header("Content-Type", "application/json").header("X-Request-Id", postId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"actor\":{\"mbox\":\"" + agent + "\"},"
                        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                        + "\"object\":{\"id\":\"http://example.org/access-log\"}}")));
        assertEquals(200, post.statusCode(), post.body());
        String queryId = requestId();
        HttpResponse<byte[]> query = client.sendBytes(lrs.xapi(client, "/xapi/statements?limit=10", "2.0.0")
                .header("X-Request-Id", queryId).GET());
        assertEquals(200, query.statusCode());

        JsonNode adminLine = line(adminId);
        assertEquals("GET", adminLine.get("method").asText());
        assertEquals("/admin/api/trusts", adminLine.get("path").asText());
        assertEquals("id_token=[redacted]&state=[redacted]&limit=5", adminLine.get("query").asText());
        assertEquals(200, adminLine.get("status").asInt());
        assertEquals(HubClient.ADMIN_USER, adminLine.get("caller").asText());
        assertEquals("127.0.0.1", adminLine.get("remote").asText());
        assertEquals(admin.body().getBytes(StandardCharsets.UTF_8).length, adminLine.get("bytes").asLong());
        assertTrue(adminLine.get("durationMs").asLong() >= 0);
        assertTrue(Instant.parse(adminLine.get("time").asText()).isBefore(Instant.now().plusSeconds(1)));

        JsonNode refusedLine = line(refusedId);
        assertEquals(401, refusedLine.get("status").asInt());
        assertEquals("agent=[redacted]", refusedLine.get("query").asText());
        assertFalse(refusedLine.has("caller"), refusedLine.toString());

        JsonNode forbiddenLine = line(forbiddenId);
        assertEquals(403, forbiddenLine.get("status").asInt());
        assertEquals("/admin/api/trusts", forbiddenLine.get("path").asText());

        JsonNode registerLine = line(registerId);
        assertEquals("/lti/register/[redacted]", registerLine.get("path").asText());
        assertEquals("registration_token=[redacted]", registerLine.get("query").asText());
        assertEquals(register.statusCode(), registerLine.get("status").asInt());

        JsonNode postLine = line(postId);
        assertEquals(200, postLine.get("status").asInt());
        assertEquals(lrs.key(), postLine.get("caller").asText());
        JsonNode queryLine = line(queryId);
        assertEquals(query.body().length, queryLine.get("bytes").asLong());

        String everything = read();
        for (String secret : List.of(lrs.secret(), lrs.authorization().substring("Basic ".length()),
                HubClient.basic(lrs.key(), wrongSecret).substring("Basic ".length()),
                HubClient.basic(HubClient.ADMIN_USER, HubClient.ADMIN_PASSWORD).substring("Basic ".length()),
                wrongSecret, idToken, state, linkToken, registrationToken, agent)) {
            assertFalse(everything.contains(secret), "the server's output holds a secret: " + secret);
        }
    }

    /**
     * The same server's start-up log names a PostgreSQL that runs without autovacuum, whose statistics would go
     * stale as the store grows (operations.md). Whichever way the test database is set, the log must agree with it.
     */
    @Test
    void theStartUpLogSaysWhenPostgresqlRunsWithoutAutovacuum() throws SQLException {
        boolean off;
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW autovacuum")) {
            assertTrue(rs.next());
            off = rs.getString(1).equals("off");
        }
        assertEquals(off, read().contains("PostgreSQL autovacuum is off"),
                "autovacuum is " + (off ? "off" : "on") + " on the test database; the start-up log must "
                        + (off ? "" : "not ") + "warn about it");
    }

    private static String requestId() {
        return "it-" + UUID.randomUUID();
    }

    /** The access log line of this request id, waiting a bounded time for the log to be written. */
    private static JsonNode line(String id) {
        Instant deadline = Instant.now().plus(LOGGED_WITHIN);
        while (true) {
            Optional<JsonNode> found = find(id);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no access log line for " + id + " in " + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Optional<JsonNode> find(String id) {
        JsonNode match = null;
        for (String text : read().split("\n")) {
            int start = text.indexOf("{\"time\":");
            if (start < 0 || !text.contains("\"id\":\"" + id + "\"")) {
                continue;
            }
            try {
                JsonNode line = JSON.readTree(text.substring(start, text.lastIndexOf('}') + 1));
                assertTrue(match == null, "two access log lines for " + id);
                match = line;
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
        return Optional.ofNullable(match);
    }

    private static String read() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
