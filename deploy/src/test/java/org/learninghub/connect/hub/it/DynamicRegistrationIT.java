package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LTI Dynamic Registration over real HTTP: an administrator issues a one-time registration link for a
 * trust, the LMS opens it with its OpenID configuration and registration token, the tool registers itself
 * at the test platform and stores the answer in the trust; launches through the new registration work at
 * once. A used, expired or unknown link gets an error page and makes the tool call no one.
 */
class DynamicRegistrationIT extends HubIT {

    @Test
    void aRegistrationLinkRegistersThePlatformAndItLaunchesAtOnce() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        URI link = issueLink(lti, trust);
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            TestRegistrationPlatform lms = new TestRegistrationPlatform(platform, "reg-token-1", lti.tool);
            Browser browser = new Browser();

            HttpResponse<String> page = browser.get(opened(link, lms));
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(List.of(), lms.problems, "the platform found nothing wrong with the tool's registration");
            assertEquals(1, lms.registrations.get());
            assertTrue(page.body().contains("postMessage({subject:'org.imsglobal.lti.close'}"), page.body());
            assertTrue(page.body().contains(platform.clientId), page.body());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'none'; script-src 'sha256-"), csp);
            assertTrue(csp.endsWith("frame-ancestors " + platform.origin()), csp);
            assertTrue(lms.lastRegistration.path("scope").asText()
                    .contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"), lms.lastRegistration.toString());
            assertFalse(lms.lastRegistration.path("scope").asText().contains("result.readonly"),
                    "only scopes the platform lists are asked for: " + lms.lastRegistration.path("scope"));

            // The administrator sees it under the trust.
            HttpResponse<String> list = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + trust + "/platforms").GET());
            assertEquals(200, list.statusCode(), list.body());
            JsonNode registrations = LtiSteps.json(list.body());
            assertEquals(1, registrations.size(), list.body());
            JsonNode registered = registrations.get(0);
            assertEquals(platform.issuer, registered.get("issuer").asText());
            assertEquals(platform.clientId, registered.get("clientId").asText());
            assertEquals(platform.deploymentId, registered.at("/deploymentIds/0").asText());
            assertEquals(platform.authUrl().toString(), registered.get("authLoginUrl").asText());
            assertEquals(platform.jwksUrl().toString(), registered.get("jwksUrl").asText());
            assertEquals(platform.issuer + "/token", registered.get("accessTokenUrl").asText());
            assertEquals("ACTIVE", registered.get("status").asText());

            // A launch through the new registration, the whole way.
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            HttpResponse<String> platformPage = browser.get(login.location());
            assertEquals(200, platformPage.statusCode(), platformPage.body());
            HttpResponse<String> launched = browser.post(lti.launchUrl(), Browser.hiddenFields(platformPage.body()));
            assertEquals(200, launched.statusCode(), launched.body());
            assertTrue(launched.body().contains("Hub launch received"), launched.body());

            // The link registers one platform only.
            HttpResponse<String> again = new Browser().get(opened(link, lms));
            assertEquals(410, again.statusCode(), again.body());
            assertTrue(again.body().contains("used already"), again.body());
            assertEquals(1, lms.registrations.get(), "a used link makes the tool call no one");
        }
    }

    @Test
    void anExpiredLinkGetsAClearErrorPage() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        URI link = issueLink(lti, lti.newTrust());
        expireInDatabase(link);
        try (TestPlatform platform = TestPlatform.start()) {
            TestRegistrationPlatform lms = new TestRegistrationPlatform(platform, "reg-token-2", lti.tool);
            HttpResponse<String> page = new Browser().get(opened(link, lms));
            assertEquals(410, page.statusCode(), page.body());
            assertTrue(page.body().contains("expired"), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals(0, lms.registrations.get());
        }
    }

    @Test
    void anUnknownLinkOrAMissingConfigurationGetsAnErrorPage() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = TestPlatform.start()) {
            TestRegistrationPlatform lms = new TestRegistrationPlatform(platform, "reg-token-3", lti.tool);
            HttpResponse<String> unknown = new Browser().get(opened(lti.tool.resolve("/lti/register/not-a-link"), lms));
            assertEquals(404, unknown.statusCode(), unknown.body());
            HttpResponse<String> direct = new Browser().get(issueLink(lti, lti.newTrust()));
            assertEquals(400, direct.statusCode(), direct.body());
            assertTrue(direct.body().contains("openid_configuration"), direct.body());
            assertEquals(0, lms.registrations.get());
        }
    }

    @Test
    void aFailedRegistrationStoresNothingAndGivesTheLinkBack() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        URI link = issueLink(lti, trust);
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            TestRegistrationPlatform lms = new TestRegistrationPlatform(platform, "reg-token-4", lti.tool);
            // A configuration whose issuer is another site's: it does not speak for that issuer.
            lms.configurationChanges = Map.of("issuer", "http://localhost:1/lms");
            HttpResponse<String> foreign = new Browser().get(opened(link, lms));
            assertEquals(502, foreign.statusCode(), foreign.body());
            assertTrue(foreign.body().contains("origin of the configuration URL"), foreign.body());
            // The platform refuses the token.
            lms.configurationChanges = Map.of();
            HttpResponse<String> wrongToken = new Browser().get(opened(link, lms, "not-the-token"));
            assertEquals(502, wrongToken.statusCode(), wrongToken.body());
            assertTrue(wrongToken.body().contains("HTTP 401"), wrongToken.body());
            HttpResponse<String> none = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + trust + "/platforms").GET());
            assertEquals("[]", none.body());
            // Nothing was stored, so the link still works.
            HttpResponse<String> page = new Browser().get(opened(link, lms));
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(1, lms.registrations.get());
        }
    }

    @Test
    void issuingALinkNeedsAnAdministratorAJsonRequestAndAKnownTrust() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        String path = "/admin/api/trusts/" + trust + "/registration-links";
        assertEquals(401, lti.hub.send(lti.hub.request(path).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(415, lti.hub.send(lti.hub.admin(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(404, lti.hub.adminPost("/admin/api/trusts/NOSUCH9/registration-links", "").statusCode());
        HttpResponse<String> created = lti.hub.adminPost(path, "");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = LtiSteps.json(created.body());
        assertTrue(body.get("url").asText().startsWith(lti.tool + "/lti/register/"), created.body());
        Instant expires = Instant.parse(body.get("expires").asText());
        Duration left = Duration.between(Instant.now(), expires);
        assertTrue(left.compareTo(Duration.ofDays(6)) > 0 && left.compareTo(Duration.ofDays(7)) <= 0, "default validity 7 days: " + left);
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
    }

    private static URI issueLink(LtiSteps lti, String trust) {
        HttpResponse<String> created = lti.hub.adminPost("/admin/api/trusts/" + trust + "/registration-links", "");
        assertEquals(201, created.statusCode(), created.body());
        return URI.create(LtiSteps.json(created.body()).get("url").asText());
    }

    /** The link as the LMS opens it: with its configuration URL and registration token appended. */
    private static URI opened(URI link, TestRegistrationPlatform lms) {
        return opened(link, lms, lms.registrationToken);
    }

    private static URI opened(URI link, TestRegistrationPlatform lms, String token) {
        return URI.create(link + "?openid_configuration=" + URLEncoder.encode(lms.configurationUrl().toString(), StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Moves the link's expiry into the past, as if its 7 days had gone by. */
    private static void expireInDatabase(URI link) throws Exception {
        String path = link.getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             PreparedStatement s = c.prepareStatement("update registration_link set expires = created - interval '1 minute'"
                     + " where token_hash = ?")) {
            s.setString(1, hash);
            assertEquals(1, s.executeUpdate());
        }
    }
}
