package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run path: {@code bin/hub} with no database configured uses an H2 file under
 * {@code HUB_DATA_DIR}, and what it stored is still there after the process is killed and restarted.
 */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void trustCreatedBeforeAKillIsServedAfterRestart() {
        Map<String, String> env = Map.of("HUB_DATA_DIR", dataDir.toString());
        String code = HubClient.uniqueCode("K");
        try (HubProcess first = HubProcess.start(env, HubProcess.logFile("embedded-first").toPath())) {
            HttpResponse<String> ready = first.client().get("/health/ready");
            assertTrue(ready.body().contains("H2"), "no HUB_DB_URL means the embedded H2 database: " + ready.body());
            HttpResponse<String> created = first.client().adminPost("/admin/api/trusts",
                    "{\"code\":\"" + code + "\",\"name\":\"Survives restarts\"}");
            assertEquals(201, created.statusCode(), created.body());
            // Administrator accounts with roles work on the embedded database too.
            HubClient hub = first.client();
            HttpResponse<String> account = hub.adminPost("/admin/api/accounts", "{\"username\":\"h2-trust-admin\","
                    + "\"password\":\"embedded pass 123\",\"role\":\"trust-admin\",\"trust\":\"" + code + "\"}");
            assertEquals(201, account.statusCode(), account.body());
            HttpResponse<String> own = hub.send(hub.request("/admin/api/trusts")
                    .header("Authorization", HubClient.basic("h2-trust-admin", "embedded pass 123")).GET());
            assertEquals(200, own.statusCode(), own.body());
            assertTrue(own.body().contains(code), own.body());
            // The statement browser's SQL (one trust with every index-bounded filter, and merged across trusts) and
            // personal API tokens on the embedded database.
            XapiCredential lrs = XapiCredential.issueTo(hub, code, "all");
            HttpResponse<String> stored = hub.send(lrs.xapi(hub, "/xapi/statements", "1.0.3")
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"actor\":{\"mbox\":\"mailto:h2@example.org\"},\"verb\":{\"id\":\"http://x.example/v\"},"
                                    + "\"object\":{\"id\":\"http://x.example/a\"}}")));
            assertEquals(200, stored.statusCode(), stored.body());
            for (String query : new String[] {"limit=1", "trust=" + code + "&learner=mbox%3Amailto%3Ah2%40example.org"
                    + "&verb=http%3A%2F%2Fx.example%2Fv&since=2020-01-01T00:00:00Z&until=2099-01-01T00:00:00Z",
                    "trust=" + code + "&format=csv"}) {
                HttpResponse<String> listed = hub.send(hub.admin("/admin/api/statements?" + query).GET());
                assertEquals(200, listed.statusCode(), query + " -> " + listed.body());
                assertTrue(listed.body().contains("mbox:mailto:h2@example.org"), query + " -> " + listed.body());
            }
            HttpResponse<String> token = hub.adminPost("/admin/api/account/tokens", "{\"name\":\"h2\"}");
            assertEquals(201, token.statusCode(), token.body());
            String bearer = "Bearer " + CatalogueClient.read(token.body()).path("token").asText();
            assertEquals(200, hub.send(hub.request("/admin/api/account").header("Authorization", bearer).GET())
                    .statusCode());
            System.out.printf("embedded start: ready in %d ms%n", first.startedIn().toMillis());
            first.kill();
        }
        assertTrue(dataDir.resolve("hub.mv.db").toFile().isFile(), "the database is a file under HUB_DATA_DIR");

        try (HubProcess second = HubProcess.start(env, HubProcess.logFile("embedded-second").toPath())) {
            HttpResponse<String> trust = second.client().send(second.client().admin("/admin/api/trusts/" + code).GET());
            assertEquals(200, trust.statusCode(), trust.body());
            assertTrue(trust.body().contains("Survives restarts"), trust.body());
            System.out.printf("embedded restart after SIGKILL: ready in %d ms%n", second.startedIn().toMillis());
        }
    }
}
