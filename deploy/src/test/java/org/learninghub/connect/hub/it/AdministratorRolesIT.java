package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Administrator accounts and roles over real HTTP: a trust-admin made through the accounts API works on its own
 * trust, every trust-scoped endpoint of another trust answers it exactly as a trust that does not exist, every
 * hub-admin-only endpoint refuses it with 403, and disabling it or changing its password holds at the next request.
 */
class AdministratorRolesIT extends HubIT {

    private static final String PASSWORD = "trust admin pass 1";

    /** Two trusts, data in both (seeded through the API and, for launches, rows as the launch bridge writes them). */
    private final class World {
        final HubClient hub = new HubClient(base);
        final String a = trust("RA");
        final String b = trust("RB");
        final String user = "ta-" + a.toLowerCase() + "@trust.example";
        final String keyB;
        final long platformB;
        final UUID launchA = UUID.randomUUID();
        final UUID launchB = UUID.randomUUID();
        final long jobA;
        final long jobB;
        final String resource;

        World() throws Exception {
            HttpResponse<String> account = hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of(
                    "username", user, "password", PASSWORD, "role", "trust-admin", "trust", a)));
            assertEquals(201, account.statusCode(), account.body());
            keyB = CatalogueClient.read(hub.adminPost("/admin/api/trusts/" + b + "/credentials",
                    "{\"name\":\"b's\",\"scopes\":[\"all\"]}").body()).path("key").asText();
            assertFalse(keyB.isEmpty());
            HttpResponse<String> platform = hub.adminPost("/admin/api/trusts/" + b + "/platforms", platform(b));
            assertEquals(201, platform.statusCode(), platform.body());
            platformB = CatalogueClient.read(platform.body()).path("id").asLong();
            jobA = seedLaunch(a, launchA);
            jobB = seedLaunch(b, launchB);
            CatalogueClient catalogue = new CatalogueClient(base);
            // A contribution of trust A: it starts in review, waiting for a hub-admin to publish it.
            Map<String, Object> contribution = catalogue.resource("roles");
            contribution.put("ownerTrust", a);
            JsonNode created = catalogue.created(contribution);
            resource = created.path("id").asText();
            assertEquals("in-review", created.path("status").asText(), created.toString());
        }

        String trust(String prefix) {
            String code = HubClient.uniqueCode(prefix);
            HttpResponse<String> r = hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"Trust " + code + "\"}");
            assertEquals(201, r.statusCode(), r.body());
            return code;
        }

        HttpResponse<String> as(String user, String password, String method, String path, String body) {
            HttpRequest.Builder r = hub.request(path).header("Authorization", HubClient.basic(user, password));
            if (method.equals("GET")) {
                return hub.send(r.GET());
            }
            return hub.send(r.header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> asTrustAdmin(String method, String path, String body) {
            return as(user, PASSWORD, method, path, body);
        }
    }

    private static String platform(String trust) {
        String lms = "https://lms-" + trust.toLowerCase() + ".example";
        return "{\"issuer\":\"" + lms + "\",\"clientId\":\"c-" + UUID.randomUUID() + "\",\"deploymentIds\":[\"1\"],"
                + "\"authLoginUrl\":\"" + lms + "/auth\",\"accessTokenUrl\":\"" + lms + "/token\",\"jwksUrl\":\"" + lms + "/jwks\"}";
    }

    private static final String ISSUER = "https://lms.example";
    private static final String ISSUER_B64 = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(ISSUER.getBytes(StandardCharsets.UTF_8));

    @Test
    void aTrustAdminManagesItsOwnTrust() throws Exception {
        World w = new World();
        HttpResponse<String> me = w.asTrustAdmin("GET", "/admin/api/account", null);
        assertEquals(200, me.statusCode(), me.body());
        JsonNode account = CatalogueClient.read(me.body());
        assertEquals("trust-admin", account.path("role").asText());
        assertEquals(w.a, account.path("trust").asText());
        assertFalse(me.body().contains("hash"), me.body());

        JsonNode trusts = CatalogueClient.read(w.asTrustAdmin("GET", "/admin/api/trusts", null).body());
        assertEquals(1, trusts.size(), trusts.toString());
        assertEquals(w.a, trusts.get(0).path("code").asText());
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/trusts/" + w.a, null).statusCode());
        // Whether its learners are named in statements is the trust's own choice.
        HttpResponse<String> named = w.asTrustAdmin("PATCH", "/admin/api/trusts/" + w.a, "{\"learnerIdentity\":\"named\"}");
        assertEquals(200, named.statusCode(), named.body());
        assertEquals("named", CatalogueClient.read(named.body()).path("learnerIdentity").asText());
        HttpResponse<String> erasures = w.asTrustAdmin("GET", "/admin/api/trusts/" + w.a + "/erasures", null);
        assertEquals(200, erasures.statusCode(), erasures.body());
        // Its reports are of its own trust, whether or not it names it.
        for (String path : List.of("/admin/api/reports/trusts", "/admin/api/reports/trusts?trust=" + w.a)) {
            HttpResponse<String> report = w.asTrustAdmin("GET", path, null);
            assertEquals(200, report.statusCode(), report.body());
            JsonNode rows = CatalogueClient.read(report.body()).path("trusts");
            assertEquals(1, rows.size(), report.body());
            assertEquals(w.a, rows.get(0).path("trust").asText(), report.body());
        }
        HttpResponse<String> compliance = w.asTrustAdmin("GET", "/admin/api/reports/compliance?dueBy=2026-12-31", null);
        assertEquals(200, compliance.statusCode(), compliance.body());
        assertEquals(w.a, CatalogueClient.read(compliance.body()).path("trust").asText(), compliance.body());

        HttpResponse<String> credential = w.asTrustAdmin("POST", "/admin/api/trusts/" + w.a + "/credentials",
                "{\"name\":\"reporting\",\"scopes\":[\"statements/read\"]}");
        assertEquals(201, credential.statusCode(), credential.body());
        String key = CatalogueClient.read(credential.body()).path("key").asText();
        assertTrue(w.asTrustAdmin("GET", "/admin/api/trusts/" + w.a + "/credentials", null).body().contains(key));
        assertEquals(204, w.asTrustAdmin("DELETE", "/admin/api/trusts/" + w.a + "/credentials/" + key, null).statusCode());

        HttpResponse<String> platform = w.asTrustAdmin("POST", "/admin/api/trusts/" + w.a + "/platforms", platform(w.a));
        assertEquals(201, platform.statusCode(), platform.body());
        long id = CatalogueClient.read(platform.body()).path("id").asLong();
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/trusts/" + w.a + "/platforms/" + id, null).statusCode());
        assertEquals(200, w.asTrustAdmin("POST", "/admin/api/trusts/" + w.a + "/platforms/" + id + "/disable", null).statusCode());
        HttpResponse<String> link = w.asTrustAdmin("POST", "/admin/api/trusts/" + w.a + "/registration-links", null);
        assertEquals(201, link.statusCode(), link.body());
        assertTrue(link.body().contains("/lti/register/"), link.body());

        // Lists show its own trust only, whether or not it names the trust.
        for (String path : List.of("/admin/api/launches", "/admin/api/launches?trust=" + w.a)) {
            HttpResponse<String> launches = w.asTrustAdmin("GET", path, null);
            assertEquals(200, launches.statusCode(), launches.body());
            assertTrue(launches.body().contains(w.launchA.toString()), launches.body());
            assertFalse(launches.body().contains(w.launchB.toString()), launches.body());
        }
        HttpResponse<String> outbox = w.asTrustAdmin("GET", "/admin/api/outbox?limit=200", null);
        assertEquals(200, outbox.statusCode(), outbox.body());
        JsonNode jobs = CatalogueClient.read(outbox.body()).path("jobs");
        assertTrue(jobs.size() >= 1, outbox.body());
        for (JsonNode job : jobs) {
            assertEquals(w.a, job.path("trust").asText(), outbox.body());
        }
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/launches/" + w.launchA + "/rejections", null).statusCode());
        assertEquals(200, w.asTrustAdmin("POST", "/admin/api/outbox/" + w.jobA + "/retry", null).statusCode());
        HttpResponse<String> export = w.asTrustAdmin("GET",
                "/admin/api/trusts/" + w.a + "/learners/" + ISSUER_B64 + "/learner-" + w.a + "/export", null);
        assertEquals(200, export.statusCode(), export.body());
        // An administrator is no LRS credential.
        HttpResponse<String> xapi = w.hub.send(w.hub.request("/xapi/statements").header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", HubClient.basic(w.user, PASSWORD)).GET());
        assertEquals(403, xapi.statusCode(), xapi.body());
        // Reading the catalogue is allowed.
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/resources", null).statusCode());
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/resources/" + w.resource, null).statusCode());
    }

    /**
     * Every trust-scoped endpoint, for another trust that exists and for one that does not: a trust-admin gets the
     * same 404 for both (codes cannot be probed), and nothing of the other trust changed. The hub-admin reaches the
     * same endpoints of the other trust (so the 404s are the role's doing, not broken requests).
     */
    @Test
    void everyTrustScopedEndpointOfAnotherTrustIsNotFound() throws Exception {
        World w = new World();
        String missing = HubClient.uniqueCode("NX");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String trust : List.of(w.b, missing)) {
            String t = "/admin/api/trusts/" + trust;
            String learner = t + "/learners/" + ISSUER_B64 + "/learner-" + trust;
            String[][] matrix = {
                    {"GET", t, null},
                    {"PATCH", t, "{\"learnerIdentity\":\"named\"}"},
                    {"GET", t + "/credentials", null},
                    {"POST", t + "/credentials", "{\"name\":\"stolen\",\"scopes\":[\"all\"]}"},
                    {"DELETE", t + "/credentials/" + w.keyB, null},
                    {"GET", t + "/platforms", null},
                    {"POST", t + "/platforms", platform(trust)},
                    {"GET", t + "/platforms/" + w.platformB, null},
                    {"PUT", t + "/platforms/" + w.platformB, platform(trust)},
                    {"POST", t + "/platforms/" + w.platformB + "/disable", null},
                    {"POST", t + "/platforms/" + w.platformB + "/enable", null},
                    {"POST", t + "/registration-links", null},
                    {"GET", learner + "/export", null},
                    {"POST", learner + "/erase?dryRun=false", null},
                    {"GET", t + "/erasures", null},
                    {"GET", "/admin/api/reports/activity?trust=" + trust, null},
                    {"GET", "/admin/api/reports/trusts?trust=" + trust, null},
                    {"GET", "/admin/api/reports/resources?trust=" + trust, null},
                    {"GET", "/admin/api/reports/compliance?dueBy=2026-12-31&trust=" + trust, null},
                    {"GET", "/admin/api/statements?trust=" + trust, null},
                    {"GET", "/admin/api/statements?format=csv&trust=" + trust, null},
                    {"GET", "/admin/api/launches?trust=" + trust, null},
                    {"GET", "/admin/api/outbox?trust=" + trust, null},
            };
            for (String[] row : matrix) {
                HttpResponse<String> r = w.asTrustAdmin(row[0], row[1], row[2]);
                checked++;
                String expected = "trust " + trust + " not found";
                if (r.statusCode() != 404 || !r.body().contains(expected)) {
                    failures.add(row[0] + " " + row[1] + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        // Rows named by their own id: another trust's launch or job is as absent as one that never was.
        String[][] byId = {
                {"GET", "/admin/api/launches/" + w.launchB + "/rejections"},
                {"GET", "/admin/api/launches/" + UUID.randomUUID() + "/rejections"},
                {"POST", "/admin/api/outbox/" + w.jobB + "/retry"},
                {"POST", "/admin/api/outbox/999999999/retry"},
        };
        for (String[] row : byId) {
            HttpResponse<String> r = w.asTrustAdmin(row[0], row[1], null);
            checked++;
            if (r.statusCode() != 404) {
                failures.add(row[0] + " " + row[1] + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertEquals(List.of(), failures, "of " + checked + " requests");
        assertEquals(50, checked);

        // Nothing of trust B changed: its credential works, its platform is active, its job is still failed.
        HubClient hub = w.hub;
        assertTrue(hub.send(hub.admin("/admin/api/trusts/" + w.b + "/credentials").GET()).body().contains(w.keyB));
        assertEquals("pseudonymous", CatalogueClient.read(hub.send(hub.admin("/admin/api/trusts/" + w.b).GET()).body())
                .path("learnerIdentity").asText());
        HttpResponse<String> platformB = hub.send(hub.admin("/admin/api/trusts/" + w.b + "/platforms/" + w.platformB).GET());
        assertEquals(200, platformB.statusCode(), platformB.body());
        assertEquals("ACTIVE", CatalogueClient.read(platformB.body()).path("status").asText(), platformB.body());
        assertEquals("failed", jobStatus(w.jobB));
        assertEquals(1, count("select count(*) from learner_mapping where tenant_id = (select id from trust where code = '"
                + w.b + "')"));
        // And the hub-admin reaches the same data of B.
        assertEquals(200, hub.send(hub.admin("/admin/api/launches/" + w.launchB + "/rejections").GET()).statusCode());
        assertEquals(200, hub.send(hub.admin("/admin/api/trusts/" + w.b + "/learners/" + ISSUER_B64 + "/learner-" + w.b
                + "/export").GET()).statusCode());
        HttpResponse<String> all = hub.send(hub.admin("/admin/api/outbox?limit=200").GET());
        assertTrue(all.body().contains("\"trust\":\"" + w.b + "\""), all.body());
    }

    @Test
    void hubAdminOnlyEndpointsAreForbiddenToATrustAdmin() throws Exception {
        World w = new World();
        String r = "/admin/api/resources/" + w.resource;
        // Changes to accounts are tried on a bystander, never on the bootstrap administrator the other tests use.
        String victim = "victim-" + w.a.toLowerCase();
        assertEquals(201, w.hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of(
                "username", victim, "password", "victim password 1", "role", "hub-admin"))).statusCode());
        String[][] matrix = {
                {"POST", "/admin/api/trusts", "{\"code\":\"" + HubClient.uniqueCode("TX") + "\",\"name\":\"x\"}"},
                {"GET", "/admin/api/accounts", null},
                {"POST", "/admin/api/accounts", "{\"username\":\"made-by-ta\",\"password\":\"a good long one\","
                        + "\"role\":\"trust-admin\",\"trust\":\"" + w.a + "\"}"},
                {"GET", "/admin/api/accounts/" + HubClient.ADMIN_USER, null},
                {"GET", "/admin/api/accounts/" + w.user, null},
                {"POST", "/admin/api/accounts/" + victim + "/disable", null},
                {"POST", "/admin/api/accounts/" + w.user + "/enable", null},
                {"POST", "/admin/api/accounts/" + victim + "/password", "{\"password\":\"taken over here\"}"},
                {"GET", "/admin/api/lti/keys", null},
                {"POST", "/admin/api/lti/keys/rotate", null},
                {"POST", "/admin/api/resources", CatalogueClient.json(new CatalogueClient(base).resource("ta"))},
                {"PUT", r, CatalogueClient.json(new CatalogueClient(base).resource("ta"))},
                {"DELETE", r, null},
                {"POST", r + "/submit", null},
                {"POST", r + "/publish", null},
                {"POST", r + "/return", "{\"comments\":\"no\"}"},
                {"GET", "/admin/api/imports", null},
                {"GET", "/admin/api/imports/template", null},
                {"GET", "/admin/api/accounts/" + HubClient.ADMIN_USER + "/tokens", null},
                {"DELETE", "/admin/api/accounts/" + HubClient.ADMIN_USER + "/tokens/" + UUID.randomUUID(), null},
                {"POST", "/admin/api/reports/compaction", null},
        };
        List<String> failures = new ArrayList<>();
        for (String[] row : matrix) {
            HttpResponse<String> answer = w.asTrustAdmin(row[0], row[1], row[2]);
            if (answer.statusCode() != 403 || !answer.body().contains("hub-admin")) {
                failures.add(row[0] + " " + row[1] + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertEquals(List.of(), failures);
        HttpResponse<String> importCsv = w.hub.send(w.hub.request("/admin/api/imports?source=x")
                .header("Authorization", HubClient.basic(w.user, PASSWORD)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")));
        assertEquals(403, importCsv.statusCode(), importCsv.body());

        // Nothing was done: the resource is still in review, no account was made, the bootstrap admin still signs in.
        HubClient hub = w.hub;
        HttpResponse<String> resource = hub.send(hub.admin(r).GET());
        assertEquals("in-review", CatalogueClient.read(resource.body()).path("status").asText(), resource.body());
        assertEquals(404, hub.send(hub.admin("/admin/api/accounts/made-by-ta").GET()).statusCode());
        HttpResponse<String> bootstrap = hub.send(hub.admin("/admin/api/accounts/" + HubClient.ADMIN_USER).GET());
        assertEquals(200, bootstrap.statusCode(), bootstrap.body());
        assertEquals("hub-admin", CatalogueClient.read(bootstrap.body()).path("role").asText());
        assertFalse(CatalogueClient.read(bootstrap.body()).path("disabled").asBoolean());
        assertEquals(200, w.as(victim, "victim password 1", "GET", "/admin/api/accounts/" + victim, null).statusCode(),
                "the bystander's password and status are unchanged");
    }

    @Test
    void disablingAnAccountLocksItOutAtTheNextRequest() throws Exception {
        World w = new World();
        // Signed in (its password is now in the verified-password cache).
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());
        HttpResponse<String> disabled = w.hub.adminPost("/admin/api/accounts/" + w.user + "/disable", "");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(CatalogueClient.read(disabled.body()).path("disabled").asBoolean());
        assertEquals(401, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());
        assertEquals(401, w.asTrustAdmin("GET", "/admin/api/trusts", null).statusCode());

        assertEquals(200, w.hub.adminPost("/admin/api/accounts/" + w.user + "/enable", "").statusCode());
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());

        HttpResponse<String> self = w.hub.adminPost("/admin/api/accounts/" + HubClient.ADMIN_USER + "/disable", "");
        assertEquals(409, self.statusCode(), self.body());
        assertEquals(404, w.hub.adminPost("/admin/api/accounts/nobody-here/disable", "").statusCode());
    }

    @Test
    void aResetPasswordLocksTheOldOneOutAtTheNextRequest() throws Exception {
        World w = new World();
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());
        HttpResponse<String> weak = w.hub.adminPost("/admin/api/accounts/" + w.user + "/password", "{\"password\":\"short\"}");
        assertEquals(400, weak.statusCode(), weak.body());
        assertTrue(weak.body().contains("\"field\":\"password\""), weak.body());
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode(), "a refused reset changes nothing");

        HttpResponse<String> reset = w.hub.adminPost("/admin/api/accounts/" + w.user + "/password",
                "{\"password\":\"a brand new secret\"}");
        assertEquals(200, reset.statusCode(), reset.body());
        assertEquals(401, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());
        assertEquals(200, w.as(w.user, "a brand new secret", "GET", "/admin/api/account", null).statusCode());
    }

    @Test
    void anAdministratorChangesTheirOwnPasswordWithTheCurrentOne() throws Exception {
        World w = new World();
        String path = "/admin/api/account/password";
        HttpResponse<String> wrong = w.asTrustAdmin("PUT", path, "{\"current\":\"not my password\",\"password\":\"my next secret 2\"}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("\"field\":\"current\""), wrong.body());
        HttpResponse<String> none = w.asTrustAdmin("PUT", path, "{\"password\":\"my next secret 2\"}");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("\"field\":\"current\""), none.body());
        HttpResponse<String> weak = w.asTrustAdmin("PUT", path, "{\"current\":\"" + PASSWORD + "\",\"password\":\"aaaaaaaaaaaaaaa\"}");
        assertEquals(400, weak.statusCode(), weak.body());
        assertTrue(weak.body().contains("\"field\":\"password\""), weak.body());
        HttpResponse<String> same = w.asTrustAdmin("PUT", path, "{\"current\":\"" + PASSWORD + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(400, same.statusCode(), same.body());
        assertEquals(200, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode(), "refused changes change nothing");

        HttpResponse<String> changed = w.asTrustAdmin("PUT", path, "{\"current\":\"" + PASSWORD + "\",\"password\":\"my next secret 2\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode view = CatalogueClient.read(changed.body());
        assertFalse(view.path("passwordChanged").asText().equals(view.path("created").asText()), changed.body());
        assertEquals(401, w.asTrustAdmin("GET", "/admin/api/account", null).statusCode());
        assertEquals(200, w.as(w.user, "my next secret 2", "GET", "/admin/api/trusts/" + w.a, null).statusCode());
        // A form post cannot change it (the admin CSRF guard covers the new resource too).
        HttpResponse<String> form = w.hub.send(w.hub.request(path).header("Authorization", HubClient.basic(w.user, "my next secret 2"))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertTrue(form.statusCode() == 415 || form.statusCode() == 400, form.statusCode() + " " + form.body());
    }

    @Test
    void badAccountInputIsA4xxNamingTheField() throws Exception {
        HubClient hub = new HubClient(base);
        String trust = HubClient.uniqueCode("RC");
        assertEquals(201, hub.adminPost("/admin/api/trusts", "{\"code\":\"" + trust + "\",\"name\":\"C\"}").statusCode());
        String good = "a long enough pass";
        Object[][] cases = {
                {Map.of("password", good, "role", "hub-admin"), 400, "username"},
                {Map.of("username", "x", "password", good, "role", "hub-admin"), 400, "username"},
                {Map.of("username", "has:colon", "password", good, "role", "hub-admin"), 400, "username"},
                {Map.of("username", "someone", "password", good, "role", "root"), 400, "role"},
                {Map.of("username", "someone", "password", good), 400, "role"},
                {Map.of("username", "someone", "password", good, "role", "trust-admin"), 400, "trust"},
                {Map.of("username", "someone", "password", good, "role", "hub-admin", "trust", trust), 400, "trust"},
                {Map.of("username", "someone", "password", good, "role", "trust-admin", "trust", "NOSUCH1"), 400, "trust"},
                {Map.of("username", "someone", "password", "short", "role", "hub-admin"), 400, "password"},
                {Map.of("username", "someone", "password", "x".repeat(80), "role", "hub-admin"), 400, "password"},
                {Map.of("username", "someone", "password", "someone's password", "role", "hub-admin"), 400, "password"},
                {Map.of("username", "someone", "role", "hub-admin"), 400, "password"},
                {Map.of("username", "someone", "password", good, "role", "hub-admin", "colour", "red"), 400, "colour"},
                {Map.of("username", HubClient.ADMIN_USER, "password", good, "role", "hub-admin"), 409, "username"},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] c : cases) {
            HttpResponse<String> r = hub.adminPost("/admin/api/accounts", CatalogueClient.json(c[0]));
            boolean named = r.body().contains("\"field\":\"" + c[2] + "\"") || r.body().contains((String) c[2]);
            if (r.statusCode() != (int) c[1] || !named || r.body().contains("Exception")) {
                failures.add(c[0] + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(404, hub.send(hub.admin("/admin/api/accounts/someone").GET()).statusCode(), "nothing was created");

        // A hub-admin account made through the API is a full administrator.
        String user = "hub-" + trust.toLowerCase();
        HttpResponse<String> created = hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of(
                "username", user, "password", good, "role", "hub-admin")));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/admin/api/accounts/" + user));
        HttpResponse<String> list = hub.send(hub.request("/admin/api/accounts").header("Authorization", HubClient.basic(user, good)).GET());
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(HubClient.ADMIN_USER) && list.body().contains(user), list.body());
        assertFalse(list.body().contains("$2"), "no bcrypt hash is ever shown: " + list.body());
    }

    /** Eight creates of one name at once: one account, seven clear 409s, never a 500. */
    @Test
    void concurrentCreatesOfOneNameMakeOneAccount() throws Exception {
        HubClient hub = new HubClient(base);
        String user = "race-" + HubClient.uniqueCode("u").toLowerCase();
        String body = CatalogueClient.json(Map.of("username", user, "password", "race password 12", "role", "hub-admin"));
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> hub.adminPost("/admin/api/accounts", body)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertTrue(r.body().contains("\"field\":\"username\""), r.body());
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from admin_user where username = '" + user + "'"));
    }

    /** A launch session of one learner with a failed score job, as the launch bridge writes them; the job's id. */
    private static long seedLaunch(String trust, UUID registration) throws Exception {
        try (Connection c = db()) {
            long tenant;
            try (PreparedStatement ps = c.prepareStatement("select id from trust where code = ?")) {
                ps.setString(1, trust);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    tenant = rs.getLong(1);
                }
            }
            String subject = "learner-" + trust;
            try (PreparedStatement ps = c.prepareStatement("insert into learner_mapping (tenant_id, issuer, subject,"
                    + " actor_ifi, first_seen, last_seen) values (?, ?, ?, ?, now(), now())")) {
                ps.setLong(1, tenant);
                ps.setString(2, ISSUER);
                ps.setString(3, subject);
                ps.setString(4, "account:" + ISSUER + "|" + subject);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into launch_session (registration, tenant_id,"
                    + " platform_id, issuer, subject, resource_id, activity_iri, resource_link_id, roles, started,"
                    + " last_launched) values (?, ?, 1, ?, ?, ?, 'https://content.example/a', 'link-1', '', now(), now())")) {
                ps.setObject(1, registration);
                ps.setLong(2, tenant);
                ps.setString(3, ISSUER);
                ps.setString(4, subject);
                ps.setObject(5, UUID.randomUUID());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_job (tenant_id, registration, outcome,"
                    + " statement_id, payload, status, attempts, next_attempt, last_error, created) values"
                    + " (?, ?, 'completed', ?, '{}', 'failed', 5, now(), 'seeded by a test', now())",
                    new String[] {"id"})) {
                ps.setLong(1, tenant);
                ps.setObject(2, registration);
                ps.setObject(3, UUID.randomUUID());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }

    private static String jobStatus(long id) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("select status from outbox_job where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
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
