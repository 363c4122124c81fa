package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The composed Hub on PostgreSQL: health, OpenAPI, metrics and the trust admin API over real HTTP. */
class HealthAndAdminIT extends HubIT {
    @Test
    void readinessReportsTheDatabaseUp() {
        HttpResponse<String> ready = new HubClient(base).get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("PostgreSQL"), "the tests run against PostgreSQL: " + ready.body());
    }

    @Test
    void livenessOpenApiAndMetricsAreServed() {
        HubClient hub = new HubClient(base);
        assertEquals(200, hub.get("/health/live").statusCode());
        HttpResponse<String> openapi = hub.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/admin/api/trusts"), openapi.body());
        assertEquals(200, hub.get("/metrics").statusCode());
    }

    /** {@code /} is a small fixed page, hardened, whose every link answers (it links nothing that does not exist). */
    @Test
    void theFrontDoorIsAHardenedPageWhoseLinksAllAnswer() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> page = hub.get("/");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.body().contains("Learning Hub Connect"), page.body());
        assertTrue(!page.body().contains("<script"), "no script on the front door");

        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(page.body());
        List<String> links = new ArrayList<>();
        while (href.find()) {
            links.add(href.group(1));
        }
        assertTrue(links.containsAll(List.of("openapi", "health/ready", "xapi/about")), links.toString());
        for (String link : links) {
            HttpResponse<String> target = hub.get("/" + link);
            assertEquals(200, target.statusCode(), link + ": " + target.body());
        }
        assertEquals(200, hub.send(hub.request("/").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))
                .statusCode());
    }

    @Test
    void adminApiRefusesMissingAndWrongCredentials() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> none = hub.get("/admin/api/trusts");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        HttpResponse<String> wrong = hub.send(hub.request("/admin/api/trusts")
                .header("Authorization", HubClient.basic(HubClient.ADMIN_USER, "not-the-password")).GET());
        assertEquals(401, wrong.statusCode());
    }

    /** This server has no identity provider configured: sign-in says so, and a made-up session cookie is refused. */
    @Test
    void signInIsOffWithoutAnIssuerAndNoCookieLetsAnyoneIn() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> signIn = hub.get("/signin");
        assertEquals(404, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("hub.oidc.issuer"), signIn.body());
        assertEquals(404, hub.get("/signin/callback?code=x&state=y").statusCode());
        HttpResponse<String> forged = hub.send(hub.request("/admin/api/trusts")
                .header("Cookie", "hub_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GET());
        assertEquals(401, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("WWW-Authenticate").isEmpty(), "no password dialog for a cookie");
        HttpResponse<String> basic = hub.send(hub.admin("/admin/api/session").GET());
        assertEquals(404, basic.statusCode(), "a Basic request has no session: " + basic.body());
    }

    @Test
    void createsAndListsATrust() {
        HubClient hub = new HubClient(base);
        String code = HubClient.uniqueCode("T");
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"Test Trust " + code + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"status\":\"ACTIVE\""), created.body());

        HttpResponse<String> again = hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"x\"}");
        assertEquals(409, again.statusCode(), again.body());

        HttpResponse<String> list = hub.send(hub.admin("/admin/api/trusts").GET());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(code), list.body());
    }

    @Test
    void badTrustInputIsA400NamingTheField() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> badCode = hub.adminPost("/admin/api/trusts", "{\"code\":\"no spaces\",\"name\":\"x\"}");
        assertEquals(400, badCode.statusCode(), badCode.body());
        assertTrue(badCode.body().contains("\"field\":\"code\""), badCode.body());

        HttpResponse<String> unknown = hub.adminPost("/admin/api/trusts", "{\"code\":\"AB1\",\"name\":\"x\",\"colour\":1}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("colour"), unknown.body());

        HttpResponse<String> broken = hub.adminPost("/admin/api/trusts", "{\"code\":");
        assertEquals(400, broken.statusCode(), broken.body());
    }
}
