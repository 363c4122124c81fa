package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A statement the LRS accepted (204) is durable: the server is killed with SIGKILL straight after the
 * answer, restarted on the same PostgreSQL database, and still returns the statement.
 */
class StatementDurabilityIT {

    @Test
    void acceptedStatementSurvivesAKillAndRestart() {
        Map<String, String> env = Map.of(
                "HUB_DB_URL", System.getProperty("hub.test.db.url"),
                "HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"),
                "HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""),
                // PostgreSQL needs the tool key secret to be ready; the same as the shared server's (one database).
                "HUB_KEYS_SECRET", "it-tool-keys-secret-for-tests-only");
        String id = UUID.randomUUID().toString();
        String statement = "{\"actor\":{\"mbox\":\"mailto:durable@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                + "\"object\":{\"id\":\"https://hub.example.org/activities/durability\"}}";
        XapiCredential credential;
        try (HubProcess first = HubProcess.start(env, HubProcess.logFile("durability-first").toPath())) {
            credential = XapiCredential.issue(first.client(), "all");
            HttpResponse<String> put = first.client().send(credential.xapi(first.client(), "/xapi/statements?statementId=" + id, "1.0.3")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(statement)));
            assertEquals(204, put.statusCode(), put.body());
            first.kill();
        }
        try (HubProcess second = HubProcess.start(env, HubProcess.logFile("durability-second").toPath())) {
            HttpResponse<String> get = second.client().send(
                    credential.xapi(second.client(), "/xapi/statements?statementId=" + id, "1.0.3").GET());
            assertEquals(200, get.statusCode(), get.body());
            assertTrue(get.body().contains(id), get.body());
            assertTrue(get.body().contains("durable@example.org"), get.body());
        }
    }
}
