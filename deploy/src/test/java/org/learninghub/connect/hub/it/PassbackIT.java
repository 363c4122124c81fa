package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Score passback over real HTTP: a learner's outcome travels from the content's statement through the outbox to
 * the test platform's AGS score endpoint (with a real token endpoint checking the Hub's client assertion). The
 * server under test delivers every {@code hub.outbox.interval.millis} (300 ms in {@code hub.it.server.options}, deploy/pom.xml) with a backoff
 * base of 200 ms and at most 5 attempts; the test waits for states, it asserts no durations.
 */
class PassbackIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    private static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anOutcomeIsDeliveredOnceThroughFailuresAndDuplicatesAndAFailedJobCanBeRetried() throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        Map<String, Object> body = catalogue.resource("passback");
        body.put("gradable", true);
        body.put("scoreMaximum", 100.0);
        JsonNode resource = catalogue.created(body);
        String resourceId = resource.get("id").asText();
        String activity = resource.get("activityId").asText();
        try (TestPlatform platform = TestPlatform.start();
             TestPlatformServices services = TestPlatformServices.start(new URL(base, "/lti/jwks"), platform.clientId)) {
            platform.registerRedirectUri(lti.launchUrl());
            String trust = lti.newTrust();
            lti.register(trust, platform, Map.of("accessTokenUrl", services.tokenUrl().toString()));
            String lineItem = services.lineItemsUrl() + "/1";

            // The score endpoint refuses twice (a 400 is not retried within one call), then accepts.
            services.fail("/ags/lineitems/1/scores", 400, Map.of(), "{\"error\":\"try later\"}");
            services.fail("/ags/lineitems/1/scores", 400, Map.of(), "{\"error\":\"try later\"}");
            Map<String, String> p = launch(lti, platform, resourceId, Optional.of(lineItem));
            Content content = new Content(p);
            JsonNode actor = JSON.readTree(p.get("actor"));
            String registration = p.get("registration");
            assertEquals(200, content.post(Statements.ofAttempt("initialized", actor, registration, activity)).statusCode());
            ObjectNode completed = Statements.ofAttempt("completed", actor, registration, activity);
            completed.put("timestamp", "2026-03-01T10:15:30.000Z");
            completed.putObject("result").put("completion", true).putObject("score").put("scaled", 0.85);
            assertEquals(200, content.post(completed).statusCode());

            JsonNode delivered = awaitJob(hub, registration, "delivered");
            assertEquals(3, delivered.get("attempts").asInt(), delivered.toString());
            assertEquals("completed", delivered.get("outcome").asText());
            assertEquals(trust, delivered.get("trust").asText());
            assertEquals(1, services.scores.size(), services.scores.toString());
            Map<String, Object> score = services.scores.get(0);
            assertEquals(85.0, ((Number) score.get("scoreGiven")).doubleValue());
            assertEquals(100.0, ((Number) score.get("scoreMaximum")).doubleValue());
            assertEquals("learner-7", score.get("userId"));
            assertEquals("Completed", score.get("activityProgress"));
            assertEquals("FullyGraded", score.get("gradingProgress"));
            assertEquals("2026-03-01T10:15:30.000Z", score.get("timestamp"));
            assertEquals(lineItem, score.get("scoreOf"));
            assertEquals(List.of("application/vnd.ims.lis.v1.score+json"), services.scoreContentTypes);

            // A duplicate completed (another statement id) queues nothing; the next attempt, launched without an
            // AGS claim, is skipped with its reason, and by then the worker has had its chance to send a second.
            ObjectNode again = Statements.ofAttempt("completed", actor, registration, activity);
            again.putObject("result").putObject("score").put("scaled", 0.9);
            assertEquals(200, content.post(again).statusCode());
            Map<String, String> second = launch(lti, platform, resourceId, Optional.empty());
            assertNotEquals(registration, second.get("registration"));
            ObjectNode secondDone = Statements.ofAttempt("completed", actor, second.get("registration"), activity);
            assertEquals(200, new Content(second).post(secondDone).statusCode());
            JsonNode skipped = awaitJob(hub, second.get("registration"), "skipped");
            assertTrue(skipped.get("lastError").asText().contains("no AGS endpoint claim"), skipped.toString());
            assertEquals(1, services.scores.size(), "no second score: " + services.scores);

            // A job that fails every attempt ends failed with its last error; retried, it is delivered.
            for (int i = 0; i < 5; i++) {
                services.fail("/ags/lineitems/2/scores", 400, Map.of(), "{\"error\":\"gradebook locked\"}");
            }
            Map<String, String> third = launch(lti, platform, resourceId, Optional.of(services.lineItemsUrl() + "/2"));
            ObjectNode thirdDone = Statements.ofAttempt("passed", actor, third.get("registration"), activity);
            thirdDone.putObject("result").putObject("score").put("raw", 7).put("min", 0).put("max", 10);
            assertEquals(200, new Content(third).post(thirdDone).statusCode());
            JsonNode failed = awaitJob(hub, third.get("registration"), "failed");
            assertEquals(5, failed.get("attempts").asInt());
            assertTrue(failed.get("lastError").asText().contains("400"), failed.toString());
            String retryPath = "/admin/api/outbox/" + failed.get("id").asText() + "/retry";
            HttpResponse<String> noJson = hub.send(hub.admin(retryPath).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertTrue(noJson.statusCode() >= 400 && noJson.statusCode() < 500, noJson.statusCode() + " " + noJson.body());
            assertEquals("failed", job(hub, third.get("registration")).get("status").asText());
            assertEquals(200, hub.adminPost(retryPath, "{}").statusCode());
            awaitJob(hub, third.get("registration"), "delivered");
            assertEquals(2, services.scores.size());
            assertEquals(70.0, ((Number) services.scores.get(1).get("scoreGiven")).doubleValue());
            assertEquals(409, hub.adminPost(retryPath, "{}").statusCode(), "a delivered job is not sent again");
            assertEquals(404, hub.adminPost("/admin/api/outbox/999999999/retry", "{}").statusCode());
            assertEquals(400, adminGet(hub, "/admin/api/outbox?status=lost").statusCode());

            // The trust's launches with their outcome and passback status.
            HttpResponse<String> launches = adminGet(hub, "/admin/api/launches?trust=" + trust + "&resource="
                    + resourceId + "&since=2020-01-01T00:00:00Z");
            assertEquals(200, launches.statusCode(), launches.body());
            JsonNode list = JSON.readTree(launches.body()).get("launches");
            assertEquals(3, list.size(), launches.body());
            JsonNode first = find(list, registration);
            assertEquals("completed", first.get("outcome").asText());
            assertTrue(first.get("passback").asBoolean());
            assertEquals(1, first.get("scores").size());
            assertEquals("delivered", first.get("scores").get(0).get("status").asText());
            assertEquals("skipped", find(list, second.get("registration")).get("scores").get(0).get("status").asText());
            assertEquals(400, adminGet(hub, "/admin/api/launches?trust=" + trust + "&since=yesterday").statusCode());
            assertEquals(400, adminGet(hub, "/admin/api/launches").statusCode());
        }
    }

    private static JsonNode find(JsonNode list, String registration) {
        for (JsonNode l : list) {
            if (registration.equals(l.get("registration").asText())) {
                return l;
            }
        }
        throw new AssertionError("no launch " + registration + " in " + list);
    }

    private static HttpResponse<String> adminGet(HubClient hub, String path) {
        return hub.send(hub.admin(path).GET());
    }

    /** The newest job of the registration in the admin list (each test attempt has exactly one). */
    private static JsonNode job(HubClient hub, String registration) throws Exception {
        HttpResponse<String> r = adminGet(hub, "/admin/api/outbox?limit=200");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode j : JSON.readTree(r.body()).get("jobs")) {
            if (registration.equals(j.get("registration").asText())) {
                return j;
            }
        }
        return JSON.createObjectNode();
    }

    /** Waits for the job to reach a state (a generous deadline only guards against a hang). */
    private static JsonNode awaitJob(HubClient hub, String registration, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode j = JSON.createObjectNode();
        while (Instant.now().isBefore(deadline)) {
            j = job(hub, registration);
            if (status.equals(j.path("status").asText())) {
                HttpResponse<String> filtered = adminGet(hub, "/admin/api/outbox?status=" + status + "&limit=200");
                assertTrue(filtered.body().contains(j.get("id").asText()), filtered.body());
                return j;
            }
            Thread.sleep(200);
        }
        return fail("job of " + registration + " never became " + status + ": " + j);
    }

    private Map<String, String> launch(LtiSteps lti, TestPlatform platform, String hubResourceId,
                                       Optional<String> lineItem) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        JWTClaimsSet.Builder claims = platform.resourceLaunch(login.nonce(), lti.launchUrl())
                .claim(LTI + "custom", Map.of("hub_resource_id", hubResourceId));
        lineItem.ifPresent(li -> claims.claim(AGS_CLAIM, Map.of("scope", List.of(SCORE_SCOPE),
                "lineitems", li.substring(0, li.lastIndexOf('/')), "lineitem", li)));
        HttpResponse<String> launched = lti.launch(browser, platform.sign(claims.build()), login.state());
        assertEquals(303, launched.statusCode(), launched.body());
        return Browser.query(URI.create(launched.headers().firstValue("Location").orElseThrow()));
    }

    /** Browser content: knows only the launch parameters. */
    private final class Content {
        private final Map<String, String> p;

        Content(Map<String, String> p) {
            this.p = p;
        }

        HttpResponse<String> post(JsonNode statement) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(p.get("endpoint") + "statements"))
                    .header("Authorization", p.get("auth"))
                    .header("X-Experience-API-Version", "1.0.2")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(statement.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
