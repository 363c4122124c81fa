package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Hub's own metrics over real HTTP: each counter moves by exactly what the requests made here should move it
 * (read before and after; the server may have served other requests, never of these credentials or kinds in
 * between, as tests of one class run one after another). {@code /metrics} is open and names no secret or learner.
 */
class OperationsMetricsIT extends HubIT {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    @Test
    void countersMoveByExactlyWhatTheRequestsDid() throws Exception {
        HubClient hub = new HubClient(base);
        XapiCredential lrs = XapiCredential.issue(hub, "all");
        XapiCredential reader = XapiCredential.issueTo(hub, lrs.trust(), "statements/read");
        MetricsScrape before = MetricsScrape.of(hub);

        // Stored: a batch of three and one PUT; the batch sent again stores nothing new.
        String batch = "[" + statement(UUID.randomUUID()) + "," + statement(UUID.randomUUID()) + ","
                + statement(UUID.randomUUID()) + "]";
        assertEquals(200, post(hub, lrs, batch).statusCode());
        assertEquals(200, post(hub, lrs, batch).statusCode());
        UUID put = UUID.randomUUID();
        assertEquals(204, hub.send(lrs.xapi(hub, "/xapi/statements?statementId=" + put, "2.0.0")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(statement(put)))).statusCode());

        // Refused writes: an invalid statement (400) of one credential, a write without the scope (403) of another;
        // a refused query is no statement refused.
        assertEquals(400, post(hub, lrs, "{\"verb\":{\"id\":\"http://example.org/v\"}}").statusCode());
        assertEquals(403, post(hub, reader, statement(UUID.randomUUID())).statusCode());
        assertEquals(400, hub.send(lrs.xapi(hub, "/xapi/statements?nonsense=1", "2.0.0").GET()).statusCode());

        // Sign-ins refused: an administrator's wrong password, an LRS credential's wrong secret, a session cookie
        // that names no session.
        assertEquals(401, hub.send(hub.request("/admin/api/trusts")
                .header("Authorization", HubClient.basic(HubClient.ADMIN_USER, "not-the-password")).GET()).statusCode());
        assertEquals(401, hub.send(hub.request("/xapi/statements").header("X-Experience-API-Version", "2.0.0")
                .header("Authorization", HubClient.basic(lrs.key(), "not-the-secret")).GET()).statusCode());
        assertEquals(401, hub.send(hub.request("/admin/api/trusts").header("Cookie", "hub_session=made-up").GET())
                .statusCode());
        assertEquals(401, hub.send(hub.request("/admin/api/trusts")
                .header("Authorization", "Bearer lhc_made-up-token").GET()).statusCode());

        // A launch of catalogue content.
        String learner = "metrics-learner-" + UUID.randomUUID();
        launch(learner);

        MetricsScrape after = MetricsScrape.of(hub);
        // Four sent, and the launch records its own "launched" statement.
        assertEquals(5, after.delta(before, "hub_statements_stored_total", null), after.lines("hub_statements"));
        assertEquals(1, after.delta(before, "hub_statements_refused_total", "credential=\"" + lrs.key() + "\""),
                after.lines("hub_statements_refused"));
        assertEquals(1, after.delta(before, "hub_statements_refused_total", "credential=\"" + reader.key() + "\""),
                after.lines("hub_statements_refused"));
        assertEquals(1, after.delta(before, "hub_login_failures_total", "kind=\"password\""), after.lines("hub_login"));
        assertEquals(1, after.delta(before, "hub_login_failures_total", "kind=\"credential\""), after.lines("hub_login"));
        assertEquals(1, after.delta(before, "hub_login_failures_total", "kind=\"session\""), after.lines("hub_login"));
        assertEquals(1, after.delta(before, "hub_login_failures_total", "kind=\"api-token\""), after.lines("hub_login"));
        assertEquals(0, after.delta(before, "hub_login_failures_total", "kind=\"oidc\""), after.lines("hub_login"));
        assertEquals(0, after.delta(before, "hub_login_failures_total", "kind=\"throttled\""), after.lines("hub_login"));
        assertEquals(1, after.delta(before, "hub_launches_total", null), after.lines("hub_launches"));

        // The outbox gauges are numbers read from the table (other tests' jobs may come and go: no exact value).
        for (String gauge : List.of("hub_outbox_pending", "hub_outbox_failed", "hub_outbox_oldest_pending_seconds")) {
            double value = after.value(gauge, null).orElseThrow(() -> new AssertionError(gauge + " is missing:\n"
                    + after.lines("hub_outbox")));
            assertTrue(value >= 0, gauge + " = " + value);
        }

        // Open to anyone, and naming no secret, learner or password.
        HttpResponse<String> open = hub.get("/metrics");
        assertEquals(200, open.statusCode());
        for (String secret : List.of(lrs.secret(), reader.secret(), HubClient.ADMIN_PASSWORD, learner, "made-up",
                "not-the-secret")) {
            assertFalse(open.body().contains(secret), "/metrics holds " + secret);
        }
    }

    private HttpResponse<String> post(HubClient hub, XapiCredential credential, String body) {
        return hub.send(credential.xapi(hub, "/xapi/statements", "2.0.0").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String statement(UUID id) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:metrics@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"http://example.org/metrics/activity\"}}";
    }

    private void launch(String learner) {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode resource = catalogue.created(catalogue.resource("metrics"));
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(lti.newTrust(), platform);
            Browser browser = new Browser();
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), lti.launchUrl()).subject(learner)
                    .claim(LTI + "custom", Map.of("hub_resource_id", resource.get("id").asText())).build();
            HttpResponse<String> launched = lti.launch(browser, platform.sign(claims), login.state());
            assertEquals(303, launched.statusCode(), launched.body());
            assertTrue(URI.create(launched.headers().firstValue("Location").orElseThrow()).toString()
                    .startsWith(resource.get("launchUrl").asText()));
        }
    }
}
