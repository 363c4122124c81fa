package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens over real HTTP: issued once, used as Bearer credentials on the admin API with the account's
 * current role and trust, listed without their value, revoked, expired and disabled with their account.
 */
class ApiTokenIT extends HubIT {

    private static final String PASSWORD = "trust admin pass 1";

    @Test
    void aTokenIsShownOnceWorksUntilRevokedAndIsKeptOnlyAsItsHash() throws Exception {
        HubClient hub = new HubClient(base);
        HttpResponse<String> issued = hub.adminPost("/admin/api/account/tokens",
                "{\"name\":\"nightly export\",\"expiresInDays\":30}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode made = CatalogueClient.read(issued.body());
        String token = made.path("token").asText();
        String id = made.path("id").asText();
        assertTrue(token.startsWith("lhc_") && token.length() == 47, token);
        assertEquals("nightly export", made.path("name").asText());
        Duration life = Duration.between(Instant.parse(made.path("created").asText()),
                Instant.parse(made.path("expires").asText()));
        assertEquals(Duration.ofDays(30), life);
        assertTrue(made.path("lastUsed").isNull(), issued.body());

        // Used as a Bearer credential: the account it belongs to, its role; no CSRF token for a change.
        HttpResponse<String> me = bearer(hub, token, "GET", "/admin/api/account", null);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(HubClient.ADMIN_USER, CatalogueClient.read(me.body()).path("username").asText());
        String code = HubClient.uniqueCode("TK");
        HttpResponse<String> created = bearer(hub, token, "POST", "/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"Made by a script\"}");
        assertEquals(201, created.statusCode(), created.body());

        // Listed without its value; its last use is recorded.
        HttpResponse<String> listed = hub.send(hub.admin("/admin/api/account/tokens").GET());
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(token), listed.body());
        JsonNode row = find(CatalogueClient.read(listed.body()).path("tokens"), id);
        assertEquals("nightly export", row.path("name").asText());
        assertTrue(row.path("token").isMissingNode(), listed.body());
        assertFalse(row.path("lastUsed").isNull(), listed.body());
        // The database holds the SHA-256 of the token, never the token.
        assertEquals(1, count("SELECT COUNT(*) FROM admin_api_token WHERE id = '" + id + "' AND token_hash = '"
                + sha256(token) + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM admin_api_token WHERE token_hash = '" + token + "' OR name = '"
                + token + "'"));

        // Revoked: refused at once, gone from the list; a second revocation finds nothing.
        HttpResponse<String> revoked = hub.send(hub.admin("/admin/api/account/tokens/" + id).DELETE());
        assertEquals(204, revoked.statusCode(), revoked.body());
        HttpResponse<String> after = bearer(hub, token, "GET", "/admin/api/account", null);
        assertEquals(401, after.statusCode(), after.body());
        assertTrue(after.headers().firstValue("WWW-Authenticate").isEmpty(), "no Basic prompt for a script");
        assertFalse(hub.send(hub.admin("/admin/api/account/tokens").GET()).body().contains(id));
        assertEquals(404, hub.send(hub.admin("/admin/api/account/tokens/" + id).DELETE()).statusCode());
        // Something that is no token of ours.
        assertEquals(401, bearer(hub, "lhc_" + "A".repeat(43), "GET", "/admin/api/account", null).statusCode());
        assertEquals(401, bearer(hub, "x".repeat(5000), "GET", "/admin/api/account", null).statusCode());
    }

    @Test
    void anExpiredTokenIsRefusedAndTheDefaultLifeIsNinetyDays() throws Exception {
        HubClient hub = new HubClient(base);
        JsonNode made = CatalogueClient.read(hub.adminPost("/admin/api/account/tokens", "{\"name\":\"short\"}").body());
        String token = made.path("token").asText();
        assertEquals(Duration.ofDays(90), Duration.between(Instant.parse(made.path("created").asText()),
                Instant.parse(made.path("expires").asText())));
        assertEquals(200, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "UPDATE admin_api_token SET expires = CURRENT_TIMESTAMP - INTERVAL '1 minute' WHERE id = ?")) {
            ps.setObject(1, java.util.UUID.fromString(made.path("id").asText()));
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(401, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        HubClient hub = new HubClient(base);
        refused(hub.adminPost("/admin/api/account/tokens", "{}"), "name");
        refused(hub.adminPost("/admin/api/account/tokens", "{\"name\":\"   \"}"), "name");
        refused(hub.adminPost("/admin/api/account/tokens", "{\"name\":\"" + "n".repeat(101) + "\"}"), "name");
        refused(hub.adminPost("/admin/api/account/tokens", "{\"name\":\"a\",\"expiresInDays\":0}"), "expiresInDays");
        refused(hub.adminPost("/admin/api/account/tokens", "{\"name\":\"a\",\"expiresInDays\":367}"), "expiresInDays");
        refused(hub.send(hub.admin("/admin/api/account/tokens/not-an-id").DELETE()), "id");
        assertEquals(201, hub.adminPost("/admin/api/account/tokens", "{\"name\":\"" + "n".repeat(100)
                + "\",\"expiresInDays\":366}").statusCode());
        assertTrue(hub.get("/openapi").body().contains("/admin/api/account/tokens"), "described in the OpenAPI document");
    }

    @Test
    void aTrustAdminsTokenKeepsItsTrustAndStopsWithItsAccount() throws Exception {
        HubClient hub = new HubClient(base);
        String a = XapiCredential.newTrust(hub);
        String b = XapiCredential.newTrust(hub);
        String user = "tok-" + a.toLowerCase() + "@trust.example";
        assertEquals(201, hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of("username", user,
                "password", PASSWORD, "role", "trust-admin", "trust", a))).statusCode());
        HttpResponse<String> issued = hub.send(hub.request("/admin/api/account/tokens")
                .header("Authorization", HubClient.basic(user, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"reports\"}")));
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode made = CatalogueClient.read(issued.body());
        String token = made.path("token").asText();
        String id = made.path("id").asText();

        // Its own trust only; another trust is as absent as one that never was; hub-admin operations are not its.
        assertEquals(200, bearer(hub, token, "GET", "/admin/api/statements?trust=" + a, null).statusCode());
        assertEquals(200, bearer(hub, token, "GET", "/admin/api/reports/trusts", null).statusCode());
        HttpResponse<String> other = bearer(hub, token, "GET", "/admin/api/statements?trust=" + b, null);
        assertEquals(404, other.statusCode(), other.body());
        assertTrue(other.body().contains("trust " + b + " not found"), other.body());
        assertEquals(403, bearer(hub, token, "GET", "/admin/api/accounts", null).statusCode());
        assertEquals(403, bearer(hub, token, "GET", "/admin/api/accounts/" + user + "/tokens", null).statusCode());
        // Not an LRS credential.
        HttpResponse<String> xapi = hub.send(hub.request("/xapi/statements").header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(401, xapi.statusCode(), xapi.body());

        // A disabled account's tokens stop at once, and work again when it is enabled.
        assertEquals(200, hub.adminPost("/admin/api/accounts/" + user + "/disable", "").statusCode());
        assertEquals(401, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());
        assertEquals(200, hub.adminPost("/admin/api/accounts/" + user + "/enable", "").statusCode());
        assertEquals(200, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());

        // A hub-admin lists the account's tokens (never their value) and revokes one.
        HttpResponse<String> listed = hub.send(hub.admin("/admin/api/accounts/" + user + "/tokens").GET());
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("reports", find(CatalogueClient.read(listed.body()).path("tokens"), id).path("name").asText());
        assertFalse(listed.body().contains(token));
        // Another account's token is not found through one's own list.
        assertEquals(404, hub.send(hub.admin("/admin/api/account/tokens/" + id).DELETE()).statusCode());
        assertEquals(200, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());
        assertEquals(404, hub.send(hub.admin("/admin/api/accounts/nobody-here/tokens").GET()).statusCode());
        assertEquals(204, hub.send(hub.admin("/admin/api/accounts/" + user + "/tokens/" + id).DELETE()).statusCode());
        assertEquals(401, bearer(hub, token, "GET", "/admin/api/account", null).statusCode());
    }

    private static HttpResponse<String> bearer(HubClient hub, String token, String method, String path, String body) {
        HttpRequest.Builder r = hub.request(path).header("Authorization", "Bearer " + token);
        if (body == null) {
            return hub.send(r.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return hub.send(r.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void refused(HttpResponse<String> r, String field) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(field, CatalogueClient.read(r.body()).path("field").asText(), r.body());
    }

    private static JsonNode find(JsonNode tokens, String id) {
        for (JsonNode t : tokens) {
            if (id.equals(t.path("id").asText())) {
                return t;
            }
        }
        throw new AssertionError("no token " + id + " in " + tokens);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
    }
}
