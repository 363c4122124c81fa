package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the dashboard with a password: the page, a good sign-in (a session, back to a local path only),
 * and the refusals (a wrong password, a disabled account, a post from another site), none of which sets a
 * session cookie or says which part was wrong. The dashboard's page and files answer without credentials.
 */
class PasswordSignInIT extends HubIT {

    private static final String PASSWORD = "a-dashboard-password";

    @Test
    void theSignInPageOffersThePasswordFormUnderAStrictPolicy() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> page = hub.get("/signin/password?return=%2Fadmin%2F%23%2Fcompliance");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains("action=\"/signin/password\""), page.body());
        assertTrue(page.body().contains("value=\"/admin/#/compliance\""), "the return path is kept");
        assertFalse(page.body().contains("Sign in with your organisation"), "no identity provider on this Hub");
        HttpResponse<String> hostile = hub.get("/signin/password?return=%22%3E%3Cscript%3E&error=%3Cb%3E");
        assertFalse(hostile.body().contains("<script>") || hostile.body().contains("<b>"), hostile.body());
    }

    @Test
    void theRightPasswordStartsASessionAndReturnsOnlyToALocalPath() {
        HubClient hub = new HubClient(base);
        Browser browser = new Browser();
        HttpResponse<String> done = signIn(browser, HubClient.ADMIN_USER, HubClient.ADMIN_PASSWORD,
                "//evil.example/x", Map.of("Origin", sameOrigin()));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/admin/", URI.create(done.headers().firstValue("Location").orElseThrow()).getPath());
        assertTrue(done.headers().firstValue("Location").orElseThrow().startsWith(base.toString()),
                "not another site: " + done.headers().firstValue("Location"));
        String cookie = done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hub_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        HttpResponse<String> session = browser.get(hub.uri("/admin/api/session"));
        assertEquals(200, session.statusCode(), session.body());
        assertTrue(session.body().contains("\"username\":\"it-admin\""), session.body());

        Browser fromPage = new Browser();
        HttpResponse<String> same = signIn(fromPage, HubClient.ADMIN_USER, HubClient.ADMIN_PASSWORD,
                "/admin/#/overview", Map.of("Sec-Fetch-Site", "same-origin", "Origin", sameOrigin()));
        assertEquals(303, same.statusCode());
        assertTrue(same.headers().firstValue("Location").orElseThrow().endsWith("/admin/#/overview"));
        assertTrue(fromPage.hasCookie("hub_session"));
    }

    @Test
    void aWrongPasswordADisabledAccountAndACrossSitePostAreRefused() {
        HubClient hub = new HubClient(base);
        String user = "signin-" + HubClient.uniqueCode("p").toLowerCase();
        HttpResponse<String> created = hub.adminPost("/admin/api/accounts", "{\"username\":\"" + user
                + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"hub-admin\"}");
        assertEquals(201, created.statusCode(), created.body());

        Browser wrong = new Browser();
        HttpResponse<String> refused = signIn(wrong, user, PASSWORD + "x", "/admin/", Map.of());
        assertFailed(wrong, refused);
        Browser unknown = new Browser();
        assertFailed(unknown, signIn(unknown, "nobody-" + user, PASSWORD, "/admin/", Map.of()));

        // From another site: refused before any password is checked, whatever the browser says it is.
        for (Map<String, String> headers : new Map[] {Map.of("Origin", "http://evil.example"),
                Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site", "Origin", sameOrigin()),
                Map.of("Origin", "null")}) {
            Browser crossSite = new Browser();
            HttpResponse<String> r = signIn(crossSite, user, PASSWORD, "/admin/", headers);
            assertEquals(403, r.statusCode(), headers + " -> " + r.body());
            assertFalse(crossSite.hasCookie("hub_session"));
        }

        // The right password of a disabled account: the same answer as a wrong one.
        HttpResponse<String> disabled = hub.adminPost("/admin/api/accounts/" + user + "/disable", "");
        assertEquals(200, disabled.statusCode(), disabled.body());
        Browser off = new Browser();
        assertFailed(off, signIn(off, user, PASSWORD, "/admin/", Map.of()));
        assertEquals(200, hub.adminPost("/admin/api/accounts/" + user + "/enable", "").statusCode());
        Browser on = new Browser();
        assertEquals(303, signIn(on, user, PASSWORD, "/admin/", Map.of()).statusCode());
        assertTrue(on.hasCookie("hub_session"));
    }

    @Test
    void theDashboardsFilesAnswerWithoutCredentialsAndItsDataDoesNot() {
        HubClient hub = new HubClient(base);
        for (String path : new String[] {"/admin/", "/admin/index.html"}) {
            HttpResponse<String> page = hub.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("/admin/assets/dashboard.js"), path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        }
        HttpResponse<String> script = hub.get("/admin/assets/dashboard.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertFalse(script.body().contains("innerHTML"), "data is never written as HTML");
        assertEquals(200, hub.get("/admin/assets/dashboard.css").statusCode());
        assertEquals(404, hub.get("/admin/assets/other.js").statusCode());
        HttpResponse<String> traversal = hub.get("/admin/assets/..%2FWEB-INF%2Fweb.xml");
        assertTrue(Set.of(400, 401, 404).contains(traversal.statusCode()), traversal.body());
        assertFalse(traversal.body().contains("web-app"));
        HttpResponse<String> chart = hub.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertEquals(200, chart.statusCode());
        assertTrue(chart.body().contains("uPlot"));
        assertEquals(200, hub.get("/webjars/uplot/1.6.30/dist/uPlot.min.css").statusCode());
        assertEquals(404, hub.get("/webjars/uplot/1.6.30/package.json").statusCode());
        for (String api : new String[] {"/admin/api/session", "/admin/api/trusts", "/admin/api/reports/trusts",
                "/admin/other", "/admin"}) {
            HttpResponse<String> refused = hub.get(api);
            assertEquals(401, refused.statusCode(), api);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), api);
            // A page's own script is refused without the challenge (no password dialog in the browser).
            HttpResponse<String> fromPage = hub.send(hub.request(api).header("X-Requested-With", "XMLHttpRequest").GET());
            assertEquals(401, fromPage.statusCode(), api);
            assertTrue(fromPage.headers().firstValue("WWW-Authenticate").isEmpty(), api);
        }
    }

    /** The Hub's origin as its public URL names it (hub.public.url), which pages are served from. */
    private static String sameOrigin() {
        return "http://127.0.0.1:" + System.getProperty("hub.it.port", "18080");
    }

    private HttpResponse<String> signIn(Browser browser, String user, String password, String returnPath,
                                        Map<String, String> headers) {
        String form = Map.of("username", user, "password", password, "return", returnPath).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(new HubClient(base).uri("/signin/password"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return browser.send(request);
    }

    private static void assertFailed(Browser browser, HttpResponse<String> answer) {
        assertEquals(303, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/signin/password?error=failed"), location);
        assertFalse(browser.hasCookie("hub_session"), "no session after a refusal");
    }
}
