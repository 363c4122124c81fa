package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox across a crash: the packaged Hub ({@code bin/hub}) on its own PostgreSQL schema is killed with SIGKILL
 * while a score job is between a failed attempt and its success, in fact in the middle of its second attempt (the
 * platform has the request and has not answered); a new server on the same database finds the job pending, no longer
 * locked by the dead node's transaction, and delivers it. The platform ends with exactly one score, and duplicate
 * {@code completed} statements afterwards queue and send nothing more. Then a node frozen mid-delivery (SIGSTOP, its
 * database connection left open) loses its claim after the claim limit, and delivers the job once resumed.
 *
 * <p>Pinned for this class: the outbox every 300 ms, 200 ms backoff (1 s at most), 10 attempts; one HTTP attempt per
 * platform call (a 503 fails the outbox attempt at once instead of being retried inside it), an 8 s request timeout
 * (the held request is still in flight when the server is killed, well within it) and a 1 s retry budget, so the
 * claim limit is 37 s. The test waits for states only; the bounds guard against hangs.
 */
class OutboxRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    private static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final String SCORES = "/ags/lineitems/1/scores";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private String schema;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aScoreJobInterruptedByAKilledServerIsDeliveredOnceByTheNextServer() throws Exception {
        schema = "outbox_it_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        int port = HubProcess.freePort();
        URI tool = URI.create("http://127.0.0.1:" + port);
        String url = System.getProperty("hub.test.db.url");
        Map<String, String> env = new HashMap<>();
        env.put("HUB_DATA_DIR", dataDir.toString());
        env.put("HUB_PUBLIC_URL", tool.toString());
        env.put("HUB_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"));
        env.put("HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""));
        env.put("HUB_KEYS_SECRET", "outbox-restart-it-tool-keys-secret-0123456789");
        env.put("HUB_OUTBOX_INTERVAL_MILLIS", "300");
        env.put("HUB_OUTBOX_BATCH", "20");
        env.put("HUB_OUTBOX_MAX_ATTEMPTS", "10");
        env.put("HUB_OUTBOX_BACKOFF_BASE_MILLIS", "200");
        env.put("HUB_OUTBOX_BACKOFF_MAX_SECONDS", "1");
        env.put("HUB_LTI_SERVICES_RETRY_MAX_ATTEMPTS", "1");
        env.put("HUB_LTI_SERVICES_REQUEST_TIMEOUT_MILLIS", "8000");
        env.put("HUB_LTI_SERVICES_RETRY_BUDGET_SECONDS", "1");
        env.put("HUB_BRIDGE_CREDENTIAL_MINUTES", "240");
        HubProcess first = null;
        HubProcess second = null;
        try {
            first = HubProcess.start(env, HubProcess.logFile("outbox-restart-first").toPath(), port);
            LtiSteps lti = new LtiSteps(first.client(), tool);
            CatalogueClient catalogue = new CatalogueClient(new URL(tool + "/"));
            Map<String, Object> body = catalogue.resource("restart");
            body.put("gradable", true);
            body.put("scoreMaximum", 100.0);
            JsonNode resource = catalogue.created(body);
            String activity = resource.get("activityId").asText();
            try (TestPlatform platform = TestPlatform.start();
                 TestPlatformServices services = TestPlatformServices.start(new URL(tool + "/lti/jwks"),
                         platform.clientId)) {
                platform.registerRedirectUri(lti.launchUrl());
                String trust = lti.newTrust();
                lti.register(trust, platform, Map.of("accessTokenUrl", services.tokenUrl().toString()));
                String lineItem = services.lineItemsUrl() + "/1";

                // Attempt 1 is refused with a 503; attempt 2 reaches the platform, which keeps it unanswered.
                services.fail(SCORES, 503, Map.of(), "{\"error\":\"gradebook busy\"}");
                TestPlatformServices.Hold secondAttempt = services.hold(SCORES);
                Map<String, String> p = launch(lti, platform, resource.get("id").asText(), lineItem);
                JsonNode actor = JSON.readTree(p.get("actor"));
                String registration = p.get("registration");
                ObjectNode completed = Statements.ofAttempt("completed", actor, registration, activity);
                completed.put("timestamp", "2026-03-01T10:15:30.000Z");
                completed.putObject("result").put("completion", true).putObject("score").put("scaled", 0.85);
                assertEquals(200, post(p, completed).statusCode());

                assertTrue(secondAttempt.arrived(WAIT), "the second attempt reached the platform: " + services.requests);
                Job inFlight = job(registration);
                assertEquals("pending", inFlight.status());
                assertEquals(1, inFlight.attempts(), "the first attempt is counted, the one in flight is not yet");
                assertTrue(inFlight.lastError().contains("503"), inFlight.lastError());

                first.kill();
                first = null;
                // The dead node's transaction went with its connection: the row is free for any node to claim.
                Job orphan = awaitUnlocked(registration);
                assertEquals("pending", orphan.status());
                assertEquals(1, orphan.attempts());
                secondAttempt.release();
                assertEquals(2, scorePosts(services), services.requests.toString());
                assertEquals(0, services.scores.size(), "no score accepted before the restart: " + services.scores);

                second = HubProcess.start(env, HubProcess.logFile("outbox-restart-second").toPath(), port);
                HubClient hub = second.client();
                JsonNode delivered = awaitJob(hub, registration, "delivered");
                assertEquals(2, delivered.get("attempts").asInt(), "the interrupted attempt is not counted: " + delivered);
                assertEquals("completed", delivered.get("outcome").asText());
                assertEquals(1, services.scores.size(), services.scores.toString());
                Map<String, Object> score = services.scores.get(0);
                assertEquals(85.0, ((Number) score.get("scoreGiven")).doubleValue());
                assertEquals(100.0, ((Number) score.get("scoreMaximum")).doubleValue());
                assertEquals("learner-7", score.get("userId"));
                assertEquals("2026-03-01T10:15:30.000Z", score.get("timestamp"));
                assertEquals(3, scorePosts(services), services.requests.toString());

                // After delivery, the same statement again and another completed of the attempt (the launch
                // credential outlived the restart) queue nothing. A later attempt's job, due after them, is a
                // barrier: once it is delivered the worker has had its chance to send a second score.
                assertEquals(200, post(p, completed).statusCode());
                ObjectNode again = Statements.ofAttempt("completed", actor, registration, activity);
                again.putObject("result").put("completion", true).putObject("score").put("scaled", 0.9);
                assertEquals(200, post(p, again).statusCode());
                assertEquals(1, jobs(registration), "one job per attempt outcome");
                Map<String, String> next = launch(new LtiSteps(hub, tool), platform, resource.get("id").asText(),
                        services.lineItemsUrl() + "/2");
                ObjectNode nextDone = Statements.ofAttempt("completed", actor, next.get("registration"), activity);
                nextDone.putObject("result").putObject("score").put("scaled", 0.5);
                assertEquals(200, post(next, nextDone).statusCode());
                awaitJob(hub, next.get("registration"), "delivered");
                assertEquals(2, services.scores.size(), services.scores.toString());
                assertEquals(1, services.scores.stream().filter(s -> s.get("scoreOf").equals(lineItem)).count(),
                        "still one score for the first attempt: " + services.scores);
                assertEquals("delivered", job(hub, registration).get("status").asText());

                // A node frozen mid-delivery (SIGSTOP: its connection stays open, idle in the claiming transaction)
                // loses its claim once PostgreSQL ends the session after the claim limit: 3 x (1 s budget + 8 s
                // request timeout) + 10 s = 37 s here. Resumed, the same node finds its old attempt gone and
                // delivers the job, once.
                TestPlatformServices.Hold frozenAttempt = services.hold("/ags/lineitems/3/scores");
                Map<String, String> third = launch(new LtiSteps(hub, tool), platform, resource.get("id").asText(),
                        services.lineItemsUrl() + "/3");
                ObjectNode thirdDone = Statements.ofAttempt("completed", actor, third.get("registration"), activity);
                thirdDone.putObject("result").putObject("score").put("scaled", 0.7);
                assertEquals(200, post(third, thirdDone).statusCode());
                assertTrue(frozenAttempt.arrived(WAIT), "the attempt reached the platform: " + services.requests);
                second.freeze();
                try {
                    assertTrue(locked(third.get("registration")), "the frozen node holds its claim at first");
                    Job released = awaitUnlocked(third.get("registration"));
                    assertEquals("pending", released.status());
                    assertEquals(0, released.attempts(), "the frozen attempt never ended");
                    frozenAttempt.release();
                } finally {
                    second.thaw();
                }
                JsonNode resumed = awaitJob(hub, third.get("registration"), "delivered");
                assertEquals(1, resumed.get("attempts").asInt(), resumed.toString());
                String thirdItem = services.lineItemsUrl() + "/3";
                assertEquals(1, services.scores.stream().filter(s -> s.get("scoreOf").equals(thirdItem)).count(),
                        services.scores.toString());
                assertEquals(3, services.scores.size(), services.scores.toString());
            }
        } finally {
            if (first != null) {
                first.kill();
            }
            if (second != null) {
                second.kill();
            }
            try (Connection c = postgres(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private record Job(String status, int attempts, String lastError) {
    }

    /** The attempt's job as the database has it (a plain read: no lock needed, none waited for). */
    private Job job(String registration) throws SQLException {
        try (Connection c = schemaConnection();
             PreparedStatement ps = c.prepareStatement("select status, attempts, coalesce(last_error, '')"
                     + " from outbox_job where registration = ?")) {
            ps.setObject(1, UUID.fromString(registration));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a job for " + registration);
                return new Job(rs.getString(1), rs.getInt(2), rs.getString(3));
            }
        }
    }

    private long jobs(String registration) throws SQLException {
        try (Connection c = schemaConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from outbox_job where registration = ?")) {
            ps.setObject(1, UUID.fromString(registration));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Locks the job's row with NOWAIT, as a claiming node would find it, until PostgreSQL has ended the dead
     * server's session (at once when the process's sockets close; the bound only guards against a hang).
     */
    private Job awaitUnlocked(String registration) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = schemaConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("select status, attempts, coalesce(last_error, '')"
                        + " from outbox_job where registration = ? for update nowait")) {
                    ps.setObject(1, UUID.fromString(registration));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        Job j = new Job(rs.getString(1), rs.getInt(2), rs.getString(3));
                        c.rollback();
                        return j;
                    }
                } catch (SQLException locked) {
                    c.rollback();
                    last = locked;
                }
            }
            Thread.sleep(200);
        }
        return fail("the killed server's lock on the job was never released", last);
    }

    /** Whether another session is refused the job's row lock now (NOWAIT): someone holds it. */
    private boolean locked(String registration) throws SQLException {
        try (Connection c = schemaConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select id from outbox_job where registration = ?"
                    + " for update nowait")) {
                ps.setObject(1, UUID.fromString(registration));
                ps.executeQuery().close();
                return false;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return true;
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }

    private static long scorePosts(TestPlatformServices services) {
        return services.requests.stream().filter(r -> r.startsWith("POST " + SCORES)).count();
    }

    private static JsonNode job(HubClient hub, String registration) throws Exception {
        HttpResponse<String> r = hub.send(hub.admin("/admin/api/outbox?limit=200").GET());
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode j : JSON.readTree(r.body()).get("jobs")) {
            if (registration.equals(j.get("registration").asText())) {
                return j;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode awaitJob(HubClient hub, String registration, String status) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode j = JSON.createObjectNode();
        while (Instant.now().isBefore(deadline)) {
            j = job(hub, registration);
            if (status.equals(j.path("status").asText())) {
                return j;
            }
            Thread.sleep(200);
        }
        return fail("job of " + registration + " never became " + status + ": " + j);
    }

    private static Map<String, String> launch(LtiSteps lti, TestPlatform platform, String hubResourceId,
                                              String lineItem) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), lti.launchUrl())
                .claim(LTI + "custom", Map.of("hub_resource_id", hubResourceId))
                .claim(AGS_CLAIM, Map.of("scope", List.of(SCORE_SCOPE),
                        "lineitems", lineItem.substring(0, lineItem.lastIndexOf('/')), "lineitem", lineItem))
                .build();
        HttpResponse<String> launched = lti.launch(browser, platform.sign(claims), login.state());
        assertEquals(303, launched.statusCode(), launched.body());
        return Browser.query(URI.create(launched.headers().firstValue("Location").orElseThrow()));
    }

    /** As content does: only the launch parameters. */
    private HttpResponse<String> post(Map<String, String> p, JsonNode statement) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(p.get("endpoint") + "statements"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", p.get("auth"))
                .header("X-Experience-API-Version", "1.0.2")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Connection schemaConnection() throws SQLException {
        Connection c = postgres();
        c.setSchema(schema);
        return c;
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
    }
}
