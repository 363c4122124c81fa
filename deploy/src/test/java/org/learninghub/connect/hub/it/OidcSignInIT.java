package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in of people through an OpenID Connect provider, over real HTTP: the packaged Hub ({@code bin/hub},
 * settings per test) against {@link TestIdentityProvider} on the loopback, with a cookie-keeping browser.
 * Proves the whole code flow with PKCE, the mapping to accounts by e-mail, trust scoping and CSRF with the
 * session cookie, every id_token and replay refusal, the timeouts (moved in the database, no waiting),
 * sign-out, and that the return path cannot leave the Hub.
 */
class OidcSignInIT {

    private static TestIdentityProvider idp;
    private static HubProcess process;
    private static HubClient hub;
    private static String trustA;
    private static String trustB;

    @BeforeAll
    static void start() {
        idp = new TestIdentityProvider();
        int port = HubProcess.freePort();
        process = HubProcess.start(environment(port), HubProcess.logFile("oidc-sign-in").toPath(), port);
        hub = process.client();
        trustA = trust("SA");
        trustB = trust("SB");
    }

    private static Map<String, String> environment(int port) {
        return Map.ofEntries(
                Map.entry("HUB_DB_URL", System.getProperty("hub.test.db.url")),
                Map.entry("HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres")),
                Map.entry("HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", "")),
                Map.entry("HUB_KEYS_SECRET", "it-tool-keys-secret-for-tests-only"),
                Map.entry("HUB_PUBLIC_URL", "http://127.0.0.1:" + port),
                Map.entry("HUB_OIDC_ISSUER", idp.issuer()),
                Map.entry("HUB_OIDC_CLIENT_ID", TestIdentityProvider.CLIENT_ID),
                Map.entry("HUB_OIDC_CLIENT_SECRET", TestIdentityProvider.CLIENT_SECRET),
                Map.entry("HUB_OIDC_CLAIM", "email"),
                Map.entry("HUB_SESSION_IDLE_MINUTES", "30"),
                Map.entry("HUB_SESSION_ABSOLUTE_HOURS", "10"));
    }

    @AfterAll
    static void stop() {
        if (process != null) {
            process.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void aTrustAdminSignsInByEmailAndIsScopedToItsTrust() {
        String user = account("signin-ta");
        idp.nextPerson(user, "sub-" + user);
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(hub.uri("/signin"));
        assertEquals(302, start.statusCode(), start.body());
        Map<String, String> authorize = Browser.query(location(start));
        assertEquals("code", authorize.get("response_type"));
        assertEquals("S256", authorize.get("code_challenge_method"));
        assertEquals("openid email profile", authorize.get("scope"));
        assertEquals(hub.uri("/signin/callback").toString(), authorize.get("redirect_uri"));
        assertNotNull(browser.cookie("hub_signin"));

        HttpResponse<String> done = finish(browser, start);
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(location(done).getPath().equals("/admin/"), location(done).toString());
        String setCookie = done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hub_session="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Max-Age"), "a browser-session cookie, ended by the server's timeouts: " + setCookie);
        assertNull(browser.cookie("hub_signin"), "the attempt's cookie is cleared");

        HttpResponse<String> me = browser.get(hub.uri("/admin/api/account"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user, json(me).path("username").asText());
        assertEquals("trust-admin", json(me).path("role").asText());
        HttpResponse<String> session = browser.get(hub.uri("/admin/api/session"));
        assertEquals(200, session.statusCode(), session.body());
        assertEquals(43, json(session).path("csrfToken").asText().length());
        assertEquals(trustA, json(session).path("trust").asText());

        assertEquals(200, browser.get(hub.uri("/admin/api/trusts/" + trustA + "/credentials")).statusCode());
        assertEquals(404, browser.get(hub.uri("/admin/api/trusts/" + trustB + "/credentials")).statusCode(),
                "another trust is answered as one that does not exist");
        assertEquals(403, browser.get(hub.uri("/admin/api/accounts")).statusCode(), "hub-admin only");
    }

    @Test
    void anUnsafeRequestWithASessionNeedsTheCsrfToken() {
        Browser browser = signedIn(account("signin-csrf"));
        String csrf = json(browser.get(hub.uri("/admin/api/session"))).path("csrfToken").asText();
        String path = "/admin/api/trusts/" + trustA + "/credentials";
        String body = "{\"name\":\"from a browser\",\"scopes\":[\"all\"]}";
        HttpResponse<String> none = browser.send(json(path, body));
        assertEquals(403, none.statusCode(), none.body());
        assertTrue(none.body().contains("X-CSRF-Token"), none.body());
        assertEquals(403, browser.send(json(path, body).header("X-CSRF-Token", csrf + "x")).statusCode());
        HttpResponse<String> with = browser.send(json(path, body).header("X-CSRF-Token", csrf));
        assertEquals(201, with.statusCode(), with.body());
        // A script with Basic credentials needs no token, cookie or not.
        assertEquals(201, hub.adminPost(path, body).statusCode());
    }

    @Test
    void idTokensThatAreNotForThisSignInAreRefused() {
        String user = account("signin-tokens");
        assertRefused(user, () -> idp.tamper(b -> b.audience("another-client")), "wrong audience");
        assertRefused(user, () -> idp.tamper(b -> b.expirationTime(ago(600)).issueTime(ago(900))), "expired");
        assertRefused(user, idp::signWithImpostor, "bad signature");
        assertRefused(user, () -> idp.tamper(b -> b.claim("nonce", "not-the-nonce")), "wrong nonce");
        assertRefused(user, () -> idp.tamper(b -> b.issuer("http://127.0.0.1:1/other")), "wrong issuer");
        assertRefused(user, () -> idp.tamper(b -> b.issueTime(new Date(System.currentTimeMillis() + 3_600_000))),
                "issued in the future");
        assertEquals(0, idp.authorizeRefusals.get(), "every authorization request was well formed");
    }

    @Test
    void aReplayedCallbackIsRefused() {
        String user = account("signin-replay");
        idp.nextPerson(user, "sub-" + user);
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(hub.uri("/signin"));
        String attemptCookie = browser.cookie("hub_signin");
        HttpResponse<String> atIdp = browser.get(location(start));
        URI callback = location(atIdp);
        assertEquals(302, browser.get(callback).statusCode());
        int exchanges = idp.tokenCalls.get();

        Browser replay = new Browser();
        HttpResponse<String> again = replay.send(HttpRequest.newBuilder(callback).header("Cookie",
                "hub_signin=" + attemptCookie).GET());
        assertEquals(400, again.statusCode(), again.body());
        assertNull(replay.cookie("hub_session"));
        assertEquals(exchanges, idp.tokenCalls.get(), "the code is not even redeemed again");
        // Nor without the browser's cookie: a callback URL alone signs no one in.
        HttpResponse<String> bare = new Browser().get(callback);
        assertEquals(400, bare.statusCode(), bare.body());
    }

    @Test
    void aPersonWithoutAnEnabledAccountIsRefusedWithoutDetail() {
        MetricsScrape before = MetricsScrape.of(hub);
        String stranger = "stranger-" + System.nanoTime() + "@trust.example";
        idp.nextPerson(stranger, "sub-stranger");
        Browser browser = new Browser();
        HttpResponse<String> done = finish(browser, browser.get(hub.uri("/signin")));
        assertEquals(403, done.statusCode(), done.body());
        assertFalse(done.body().contains(stranger), done.body());
        assertNull(browser.cookie("hub_session"));

        String user = account("signin-disabled");
        assertEquals(200, hub.adminPost("/admin/api/accounts/" + user + "/disable", "").statusCode());
        idp.nextPerson(user, "sub-" + user);
        Browser other = new Browser();
        HttpResponse<String> refused = finish(other, other.get(hub.uri("/signin")));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(done.body(), refused.body(), "unknown and disabled read the same");
        MetricsScrape after = MetricsScrape.of(hub);
        assertEquals(2, after.delta(before, "hub_login_failures_total", "kind=\"oidc\""), after.lines("hub_login"));
    }

    @Test
    void aSessionEndsWhenItsAccountIsDisabled() {
        String user = account("signin-live-disable");
        Browser browser = signedIn(user);
        assertEquals(200, browser.get(hub.uri("/admin/api/account")).statusCode());
        assertEquals(200, hub.adminPost("/admin/api/accounts/" + user + "/disable", "").statusCode());
        assertEquals(401, browser.get(hub.uri("/admin/api/account")).statusCode());
    }

    @Test
    void idleAndAbsoluteTimeoutsEndTheSession() throws Exception {
        String idle = account("signin-idle");
        Browser idleBrowser = signedIn(idle);
        assertEquals(200, idleBrowser.get(hub.uri("/admin/api/account")).statusCode());
        sql("update admin_session set last_seen = last_seen - interval '31 minutes' where admin_user_id = "
                + "(select id from admin_user where username = ?)", idle);
        HttpResponse<String> ended = idleBrowser.get(hub.uri("/admin/api/account"));
        assertEquals(401, ended.statusCode(), ended.body());
        assertFalse(ended.headers().firstValue("WWW-Authenticate").isPresent(), "no password dialog for a browser");

        String old = account("signin-absolute");
        Browser oldBrowser = signedIn(old);
        sql("update admin_session set created = created - interval '10 hours 1 minute' where admin_user_id = "
                + "(select id from admin_user where username = ?)", old);
        assertEquals(401, oldBrowser.get(hub.uri("/admin/api/account")).statusCode(), "used just now, but too old");
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = signedIn(account("signin-out"));
        String cookie = browser.cookie("hub_session");
        String csrf = json(browser.get(hub.uri("/admin/api/session"))).path("csrfToken").asText();
        assertEquals(403, browser.send(json("/signout", "")).statusCode(), "not without the CSRF token");
        assertEquals(200, browser.get(hub.uri("/admin/api/account")).statusCode());
        HttpResponse<String> out = browser.send(json("/signout", "").header("X-CSRF-Token", csrf));
        assertEquals(204, out.statusCode(), out.body());
        assertNull(browser.cookie("hub_session"), "the cookie is cleared");
        HttpResponse<String> replayed = new Browser().send(hub.request("/admin/api/account")
                .header("Cookie", "hub_session=" + cookie).GET());
        assertEquals(401, replayed.statusCode(), "the old cookie no longer works");
    }

    @Test
    void theReturnPathStaysOnTheHub() {
        for (String evil : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "/a\tb")) {
            HttpResponse<String> r = new Browser().get(hub.uri("/signin?return="
                    + URLEncoder.encode(evil, StandardCharsets.UTF_8)));
            assertEquals(400, r.statusCode(), evil + ": " + r.body());
            assertEquals("return", json(r).path("field").asText());
        }
        String user = account("signin-return");
        idp.nextPerson(user, "sub-" + user);
        Browser browser = new Browser();
        HttpResponse<String> done = finish(browser, browser.get(hub.uri("/signin?return=%2Fadmin%2Fapi%2Faccount")));
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("/admin/api/account", location(done).getPath());
        assertEquals("127.0.0.1", location(done).getHost() == null ? "127.0.0.1" : location(done).getHost());
    }

    /**
     * A second node on the same database, mapping people by subject: a session made on the first node works on
     * the second, an account is found by its mapped subject (not its e-mail), and signing out on the second
     * ends the session on the first.
     */
    @Test
    void aSecondNodeMapsBySubjectAndSharesSessions() {
        String user = account("signin-sub");
        String subject = "entra-oid-" + System.nanoTime();
        Browser fromA = signedIn(user);
        int port = HubProcess.freePort();
        Map<String, String> env = new java.util.HashMap<>(environment(port));
        env.put("HUB_OIDC_CLAIM", "sub");
        try (HubProcess second = HubProcess.start(env, HubProcess.logFile("oidc-sign-in-sub").toPath(), port)) {
            HubClient b = second.client();
            String cookie = fromA.cookie("hub_session");
            HttpResponse<String> shared = new Browser().send(b.request("/admin/api/account")
                    .header("Cookie", "hub_session=" + cookie).GET());
            assertEquals(200, shared.statusCode(), "a session is the database's, not a node's: " + shared.body());

            // Not yet mapped: the e-mail alone signs no one in on a node that maps by subject.
            idp.nextPerson(user, subject);
            Browser browser = new Browser();
            assertEquals(403, finish(browser, browser.get(b.uri("/signin"))).statusCode());
            HttpResponse<String> bad = b.send(b.admin("/admin/api/accounts/" + user + "/oidc-subject")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"subject\":\"\"}")));
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("subject", json(bad).path("field").asText());
            HttpResponse<String> mapped = b.send(b.admin("/admin/api/accounts/" + user + "/oidc-subject")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject + "\"}")));
            assertEquals(200, mapped.statusCode(), mapped.body());
            assertEquals(subject, json(mapped).path("oidcSubject").asText());
            // Another person with this account's e-mail but another subject is not it.
            idp.nextPerson(user, "someone-else");
            Browser impostor = new Browser();
            assertEquals(403, finish(impostor, impostor.get(b.uri("/signin"))).statusCode());

            idp.nextPerson("changed-address@elsewhere.example", subject);
            Browser bySubject = new Browser();
            HttpResponse<String> done = finish(bySubject, bySubject.get(b.uri("/signin")));
            assertEquals(302, done.statusCode(), done.body());
            HttpResponse<String> me = bySubject.get(b.uri("/admin/api/account"));
            assertEquals(user, json(me).path("username").asText());

            String csrf = json(fromA.get(hub.uri("/admin/api/session"))).path("csrfToken").asText();
            HttpResponse<String> out = new Browser().send(b.request("/signout").header("Cookie", "hub_session=" + cookie)
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, out.statusCode(), out.body());
            assertEquals(401, fromA.get(hub.uri("/admin/api/account")).statusCode(), "signed out on the other node");
        }
    }

    // --- helpers ---

    private static void assertRefused(String user, Runnable how, String what) {
        idp.nextPerson(user, "sub-" + user);
        how.run();
        Browser browser = new Browser();
        int before = idp.tokenCalls.get();
        HttpResponse<String> done = finish(browser, browser.get(hub.uri("/signin")));
        assertEquals(401, done.statusCode(), what + ": " + done.body());
        assertEquals(before + 1, idp.tokenCalls.get(), what + ": the code was redeemed");
        assertNull(browser.cookie("hub_session"), what);
        assertEquals(401, browser.get(hub.uri("/admin/api/account")).statusCode(), what);
    }

    /** From the Hub's redirect to the provider, through the provider, to the Hub's callback answer. */
    private static HttpResponse<String> finish(Browser browser, HttpResponse<String> start) {
        assertEquals(302, start.statusCode(), start.body());
        HttpResponse<String> atIdp = browser.get(location(start));
        assertEquals(302, atIdp.statusCode(), atIdp.body());
        return browser.get(location(atIdp));
    }

    private static Browser signedIn(String user) {
        idp.nextPerson(user, "sub-" + user);
        Browser browser = new Browser();
        HttpResponse<String> done = finish(browser, browser.get(hub.uri("/signin")));
        assertEquals(302, done.statusCode(), done.body());
        assertNotNull(browser.cookie("hub_session"));
        return browser;
    }

    private static HttpRequest.Builder json(String path, String body) {
        return hub.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static URI location(HttpResponse<String> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in " + r.statusCode() + " " + r.body())));
    }

    private static JsonNode json(HttpResponse<String> r) {
        return CatalogueClient.read(r.body());
    }

    private static Date ago(long seconds) {
        return new Date(System.currentTimeMillis() - seconds * 1000);
    }

    private static String trust(String prefix) {
        String code = HubClient.uniqueCode(prefix);
        HttpResponse<String> r = hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"Trust " + code + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return code;
    }

    /** A trust-admin of trust A whose user name is an e-mail address. */
    private static String account(String prefix) {
        String user = prefix + "-" + System.nanoTime() + "@" + trustA.toLowerCase() + ".nhs.example";
        HttpResponse<String> r = hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of(
                "username", user, "password", "signin pass 12345", "role", "trust-admin", "trust", trustA)));
        assertEquals(201, r.statusCode(), r.body());
        return user;
    }

    private static void sql(String statement, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, user);
            assertEquals(1, s.executeUpdate(), statement);
        }
    }
}
