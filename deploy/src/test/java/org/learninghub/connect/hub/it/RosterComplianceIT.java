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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Compliance from the LMS's roster: a launch carrying the NRPS claim makes the Hub read the course's membership in
 * the background (against {@link TestPlatformServices}, with a real token endpoint checking the Hub's client
 * assertion), and the compliance report counts the course's active learners as enrolled. The server under test
 * looks for due courses every {@code hub.roster.interval.millis} (300 ms in arquillian.xml) with a backoff base of
 * 200 ms; the tests wait for states with a bound, they assert no durations. "The refresh period has passed" is
 * made true by moving the course's next fetch to now in the database.
 */
class RosterComplianceIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    private static final String DUE = "2026-03-02";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static List<Map<String, Object>> course(int learners, String... leaving) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 1; i <= learners; i++) {
            String id = "learner-" + i;
            if (!List.of(leaving).contains(id)) {
                members.add(TestPlatformServices.rosterMember(id, TestPlatformServices.LEARNER, "Active"));
            }
        }
        members.add(TestPlatformServices.rosterMember("teacher-1", TestPlatformServices.INSTRUCTOR, "Active"));
        members.add(TestPlatformServices.rosterMember("learner-99", TestPlatformServices.LEARNER, "Inactive"));
        return members;
    }

    @Test
    void theCoursesActiveLearnersAreEnrolledAndLeaversLeaveUnlessTheyLaunched() throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode resource = catalogue.created(catalogue.resource("roster"));
        String id = resource.get("id").asText();
        try (TestPlatform platform = TestPlatform.start();
             TestPlatformServices services = TestPlatformServices.start(new URL(base, "/lti/jwks"),
                     platform.clientId)) {
            platform.registerRedirectUri(lti.launchUrl());
            String trust = lti.newTrust();
            lti.register(trust, platform, Map.of("accessTokenUrl", services.tokenUrl().toString()));
            services.members(course(5));

            Map<String, String> launched = launch(lti, platform, services, id, "learner-1");

            // Five active learners; the instructor and the inactive member are not enrolled, and learner-1, who
            // both launched and is listed, is one learner.
            String path = "/admin/api/reports/compliance?trust=" + trust + "&resource=" + id + "&dueBy=" + DUE;
            JsonNode row = await(hub, path, r -> "nrps".equals(r.path("enrolledSource").asText()));
            expect(row, Map.of("enrolled", 5L, "completed", 0L, "notCompleted", 5L, "completedByDue", 0L,
                    "overdue", 5L));
            assertTrue(services.requests.stream().anyMatch(r -> r.startsWith("GET /nrps/memberships")),
                    services.requests.toString());

            // learner-1 completes before the due date: 1 completed, 4 overdue; due in 2099, nobody is overdue yet.
            ObjectNode completed = Statements.ofAttempt("completed", JSON.readTree(launched.get("actor")),
                    launched.get("registration"), resource.get("activityId").asText());
            completed.put("timestamp", "2026-03-01T10:00:00Z");
            post(launched, completed);
            expect(report(hub, path), Map.of("enrolled", 5L, "completed", 1L, "notCompleted", 4L,
                    "completedByDue", 1L, "overdue", 4L));
            expect(report(hub, "/admin/api/reports/compliance?trust=" + trust + "&resource=" + id
                    + "&dueBy=2099-01-01"), Map.of("enrolled", 5L, "completed", 1L, "overdue", 0L));

            // The next fetch no longer lists learner-5 nor learner-1: learner-5 leaves the count, learner-1 stays
            // (launched and completed).
            services.members(course(5, "learner-1", "learner-5"));
            makeDue(platform.clientId);
            row = await(hub, path, r -> r.path("enrolled").asLong() == 4);
            expect(row, Map.of("enrolled", 4L, "completed", 1L, "notCompleted", 3L, "enrolledSource", "nrps"));
        }
    }

    @Test
    void aFailingOrHangingPlatformNeitherDelaysLaunchesNorHidesLaunchedLearnersAndTheImportRetries()
            throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        String id = catalogue.created(catalogue.resource("roster-faults")).get("id").asText();
        try (TestPlatform platform = TestPlatform.start();
             TestPlatformServices services = TestPlatformServices.start(new URL(base, "/lti/jwks"),
                     platform.clientId)) {
            platform.registerRedirectUri(lti.launchUrl());
            String trust = lti.newTrust();
            lti.register(trust, platform, Map.of("accessTokenUrl", services.tokenUrl().toString()));
            services.members(course(3));
            // Two fetches are refused (a 400 is not retried within one call); the third hangs until released.
            services.fail("/nrps", 400, Map.of(), "{\"error\":\"roster locked\"}");
            services.fail("/nrps", 400, Map.of(), "{\"error\":\"roster locked\"}");
            TestPlatformServices.Hold hold = services.hold("/nrps");

            launch(lti, platform, services, id, "learner-1");
            assertTrue(hold.arrived(WAIT), "the import retried after two failed fetches: " + services.requests);
            // The platform hangs now: a launch still answers, and the report counts the launched learners.
            launch(lti, platform, services, id, "learner-2");
            String path = "/admin/api/reports/compliance?trust=" + trust + "&resource=" + id + "&dueBy=" + DUE;
            expect(report(hub, path), Map.of("enrolled", 2L, "completed", 0L, "enrolledSource", "launches"));
            try (Connection c = database();
                 PreparedStatement ps = c.prepareStatement("SELECT rc.attempts, rc.last_error, rc.fetched"
                         + " FROM roster_context rc JOIN platform_registration p ON p.id = rc.platform_id"
                         + " WHERE p.client_id = ?")) {
                ps.setString(1, platform.clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1), "the third fetch is under way");
                    assertTrue(rs.getString(2).contains("400"), rs.getString(2));
                    assertEquals(null, rs.getTimestamp(3), "never fetched yet");
                }
            }

            hold.release();
            JsonNode row = await(hub, path, r -> "nrps".equals(r.path("enrolledSource").asText()));
            expect(row, Map.of("enrolled", 3L, "completed", 0L));
        }
    }

    private Map<String, String> launch(LtiSteps lti, TestPlatform platform, TestPlatformServices services,
                                       String resource, String learner) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), lti.launchUrl()).subject(learner)
                .claim(LTI + "custom", Map.of("hub_resource_id", resource))
                .claim(NRPS_CLAIM, Map.of("context_memberships_url", services.membershipsUrl().toString(),
                        "service_versions", List.of("2.0")))
                .build();
        HttpResponse<String> launched = lti.launch(browser, platform.sign(claims), login.state());
        assertEquals(303, launched.statusCode(), launched.body());
        return Browser.query(URI.create(launched.headers().firstValue("Location").orElseThrow()));
    }

    /** The report's one row, polled until it satisfies {@code ready} (the bound only guards against a hang). */
    private static JsonNode await(HubClient hub, String path, Predicate<JsonNode> ready) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode row = report(hub, path);
        while (!ready.test(row)) {
            if (Instant.now().isAfter(deadline)) {
                return fail("the roster never arrived in " + path + ": " + row);
            }
            Thread.sleep(200);
            row = report(hub, path);
        }
        return row;
    }

    private static JsonNode report(HubClient hub, String path) throws Exception {
        HttpResponse<String> r = hub.send(hub.admin(path).GET());
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        JsonNode rows = JSON.readTree(r.body()).get("resources");
        assertEquals(1, rows.size(), r.body());
        return rows.get(0);
    }

    private static void expect(JsonNode row, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            assertEquals(String.valueOf(e.getValue()), row.path(e.getKey()).asText(), e.getKey() + " in " + row);
        }
    }

    /** The refresh period has passed for the platform's course. */
    private static void makeDue(String clientId) throws Exception {
        try (Connection c = database();
             PreparedStatement ps = c.prepareStatement("UPDATE roster_context SET next_fetch = now() WHERE platform_id"
                     + " IN (SELECT id FROM platform_registration WHERE client_id = ?)")) {
            ps.setString(1, clientId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
    }

    private void post(Map<String, String> launch, ObjectNode statement) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(launch.get("endpoint") + "statements"))
                .header("Authorization", launch.get("auth"))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }
}
