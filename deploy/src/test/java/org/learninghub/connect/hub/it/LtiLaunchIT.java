package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * LTI 1.3 over real HTTP: platform registration through the admin API, login → auth redirect → launch →
 * the launch page, the tool's JWKS, platform key rotation, and the cookieless platform-storage path.
 */
class LtiLaunchIT extends HubIT {
    @Test
    void registeringAPlatformAnswersWithTheToolUrlsToPaste() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            JsonNode created = lti.register(trust, platform);
            assertEquals(platform.issuer, created.get("issuer").asText());
            assertEquals(platform.clientId, created.get("clientId").asText());
            assertEquals("ACTIVE", created.get("status").asText());
            assertFalse(created.get("platformStorage").asBoolean(), "platform storage is off unless declared");
            assertEquals(0, created.get("frameOrigins").size(), created.toString());
            assertEquals(lti.tool + "/lti/login", created.at("/tool/loginUrl").asText());
            assertEquals(lti.tool + "/lti/launch", created.at("/tool/redirectUrl").asText());
            assertEquals(lti.tool + "/lti/jwks", created.at("/tool/jwksUrl").asText());
            assertEquals(lti.tool + "/lti/deep-link", created.at("/tool/deepLinkingUrl").asText());

            long id = created.get("id").asLong();
            HttpResponse<String> list = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + trust + "/platforms").GET());
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains(platform.clientId), list.body());

            HttpResponse<String> duplicate = lti.hub.adminPost("/admin/api/trusts/" + trust + "/platforms",
                    platform.registrationJson());
            assertEquals(409, duplicate.statusCode(), duplicate.body());
            assertTrue(duplicate.body().contains("\"field\":\"clientId\""), duplicate.body());

            String updated = platform.registrationJson().replace("\"deployment-1\"", "\"deployment-1\",\"deployment-2\"");
            HttpResponse<String> put = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + trust + "/platforms/" + id)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(updated)));
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(2, LtiSteps.json(put.body()).get("deploymentIds").size());

            HttpResponse<String> otherTrust = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + lti.newTrust()
                    + "/platforms/" + id).GET());
            assertEquals(404, otherTrust.statusCode(), "a registration is reached only through its own trust");
        }
    }

    @Test
    void badRegistrationsAreA400NamingTheField() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            String path = "/admin/api/trusts/" + trust + "/platforms";
            Map<String, String> cases = Map.of(
                    "authLoginUrl", platform.registrationJson().replace(platform.authUrl().toString(), "http://lms.example/auth"),
                    "jwksUrl", platform.registrationJson().replace(platform.jwksUrl().toString(), "ftp://127.0.0.1/jwks"),
                    "deploymentIds", platform.registrationJson().replace("[\"deployment-1\"]", "[]"),
                    "issuer", platform.registrationJson().replace("\"issuer\":\"" + platform.issuer, "\"issuer\":\"not a url"),
                    "frameOrigins", platform.registrationJson(Map.of("frameOrigins", List.of("https://lms.example.org/course/1"))),
                    "platformStorage", platform.registrationJson(Map.of("platformStorage", "sometimes")));
            cases.forEach((field, body) -> {
                HttpResponse<String> response = lti.hub.adminPost(path, body);
                assertEquals(400, response.statusCode(), field + ": " + response.body());
                assertTrue(response.body().contains("\"field\":\"" + field + "\""), field + ": " + response.body());
            });
            HttpResponse<String> unknownTrust = lti.hub.adminPost("/admin/api/trusts/NOSUCH1/platforms", platform.registrationJson());
            assertEquals(404, unknownTrust.statusCode());
        }
    }

    @Test
    void toolJwksPublishesPublicKeysWithKids() {
        HttpResponse<String> jwks = new LtiSteps(base).hub.get("/lti/jwks");
        assertEquals(200, jwks.statusCode());
        JsonNode keys = LtiSteps.json(jwks.body()).get("keys");
        assertTrue(keys.size() >= 1, jwks.body());
        for (JsonNode key : keys) {
            assertEquals("RSA", key.get("kty").asText());
            assertFalse(key.get("kid").asText().isBlank());
            assertFalse(key.has("d"), "no private part may be published");
        }
    }

    @Test
    void aRotatedToolKeyIsPublishedBeforeItSigns() {
        LtiSteps lti = new LtiSteps(base);
        JsonNode before = LtiSteps.json(lti.hub.send(lti.hub.admin("/admin/api/lti/keys").GET()).body());
        String signing = signingKid(before);
        HttpResponse<String> rotated = lti.hub.adminPost("/admin/api/lti/keys/rotate", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        JsonNode after = LtiSteps.json(rotated.body());
        assertEquals(signing, signingKid(after), "the new key does not sign yet");
        assertEquals(before.size() + 1, after.size());
        String jwks = lti.hub.get("/lti/jwks").body();
        for (JsonNode key : after) {
            if (key.get("published").asBoolean()) {
                assertTrue(jwks.contains(key.get("kid").asText()), jwks);
            }
        }
        JsonNode newest = after.get(after.size() - 1);
        assertTrue(newest.get("published").asBoolean() && !newest.get("signing").asBoolean(), newest.toString());
        assertEquals(401, lti.hub.send(lti.hub.request("/admin/api/lti/keys").GET()).statusCode());
    }

    private static String signingKid(JsonNode keys) {
        for (JsonNode key : keys) {
            if (key.get("signing").asBoolean()) {
                return key.get("kid").asText();
            }
        }
        throw new AssertionError("no signing key in " + keys);
    }

    @Test
    void loginRedirectsToThePlatformWithExactlyTheOidcParameters() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> response = browser.get(lti.loginUri(platform, lti.launchUrl(), Map.of()));
            assertEquals(302, response.statusCode(), response.body());
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(platform.authUrl() + "?"), location.toString());
            Map<String, String> params = Browser.query(location);
            assertEquals(List.of("scope", "response_type", "response_mode", "prompt", "client_id", "redirect_uri",
                    "login_hint", "lti_message_hint", "state", "nonce"), List.copyOf(params.keySet()));
            assertEquals("openid", params.get("scope"));
            assertEquals("id_token", params.get("response_type"));
            assertEquals("form_post", params.get("response_mode"));
            assertEquals("none", params.get("prompt"));
            assertEquals(platform.clientId, params.get("client_id"));
            assertEquals(lti.launchUrl().toString(), params.get("redirect_uri"));
            assertEquals("learner-7", params.get("login_hint"));
            assertEquals("{\"launch\":42}", params.get("lti_message_hint"));
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("lti_state_" + params.get("state") + "=")).findFirst().orElseThrow();
            assertTrue(cookie.contains("SameSite=None") && cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);
        }
    }

    @Test
    void aFullLaunchReachesTheLaunchPage() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            // The browser follows the redirect to the platform, which answers with its auto-submitted form.
            HttpResponse<String> platformPage = browser.get(login.location());
            assertEquals(200, platformPage.statusCode(), platformPage.body());
            assertEquals(lti.launchUrl().toString(), Browser.formAction(platformPage.body()));
            HttpResponse<String> page = browser.post(lti.launchUrl(), Browser.hiddenFields(platformPage.body()));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Hub launch received"), page.body());
            assertTrue(page.body().contains("learner-7"), page.body());
            assertTrue(page.body().contains("Hand hygiene"), page.body());
            assertTrue(page.body().contains("data-field=\"hub resource\">(none)"), "a link without hub_resource_id opens no resource");
            assertFalse(browser.hasCookie("lti_state_" + login.state()), "the state cookie is cleared after use");
            // The LMS shows the page in an iframe: CSP frame-ancestors allows the registered LMS (and overrides
            // X-Frame-Options), and no other site.
            assertEquals("frame-ancestors " + platform.origin(), page.headers().firstValue("Content-Security-Policy").orElse(""));
        }
    }

    @Test
    void loginByPostWorksLikeGet() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> response = browser.post(lti.tool.resolve("/lti/login"), Map.of(
                    "iss", platform.issuer, "login_hint", "learner-7", "target_link_uri", lti.launchUrl().toString(),
                    "client_id", platform.clientId));
            assertEquals(302, response.statusCode(), response.body());
            Map<String, String> params = Browser.query(URI.create(response.headers().firstValue("Location").orElseThrow()));
            assertFalse(params.containsKey("lti_message_hint"));
            String idToken = platform.sign(platform.resourceLaunch(params.get("nonce"), lti.launchUrl()).build());
            assertEquals(200, lti.launch(browser, idToken, params.get("state")).statusCode());
        }
    }

    @Test
    void badLoginsGetAClearErrorPage() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> unknownClient = browser.get(lti.loginUri(platform, lti.launchUrl(), Map.of("client_id", "nobody")));
            assertEquals(400, unknownClient.statusCode());
            assertTrue(unknownClient.body().contains("No platform is registered"), unknownClient.body());

            HttpResponse<String> unknownIssuer = browser.get(lti.loginUri(platform, lti.launchUrl(),
                    Map.of("iss", "https://unknown.example")));
            assertEquals(400, unknownIssuer.statusCode());

            HttpResponse<String> openRedirect = browser.get(lti.loginUri(platform, URI.create("https://evil.example/lti/launch"), Map.of()));
            assertEquals(400, openRedirect.statusCode());
            assertTrue(openRedirect.body().contains("target_link_uri"), openRedirect.body());

            HttpResponse<String> badDeployment = browser.get(lti.loginUri(platform, lti.launchUrl(),
                    Map.of("lti_deployment_id", "elsewhere")));
            assertEquals(400, badDeployment.statusCode());

            HttpResponse<String> noHint = browser.get(lti.tool.resolve("/lti/login?iss=" + platform.issuer));
            assertEquals(400, noHint.statusCode());
            assertTrue(noHint.body().contains("login_hint"), noHint.body());
        }
    }

    @Test
    void aDisabledRegistrationCannotLogIn() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            long id = lti.register(trust, platform).get("id").asLong();
            String path = "/admin/api/trusts/" + trust + "/platforms/" + id;
            assertEquals(200, lti.hub.adminPost(path + "/disable", "").statusCode());
            HttpResponse<String> refused = new Browser().get(lti.loginUri(platform, lti.launchUrl(), Map.of()));
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals(200, lti.hub.adminPost(path + "/enable", "").statusCode());
            assertEquals(302, new Browser().get(lti.loginUri(platform, lti.launchUrl(), Map.of())).statusCode());
        }
    }

    @Test
    void aPlatformWithAStaticKeyInsteadOfAJwksUrlCanLaunch() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = TestPlatform.start()) {
            JsonNode registration = LtiSteps.json(platform.registrationJson());
            ((com.fasterxml.jackson.databind.node.ObjectNode) registration).remove("jwksUrl");
            ((com.fasterxml.jackson.databind.node.ObjectNode) registration).set("publicJwk",
                    LtiSteps.json(platform.signingKey().toPublicJWK().toJSONString()));
            HttpResponse<String> created = lti.hub.adminPost("/admin/api/trusts/" + lti.newTrust() + "/platforms",
                    registration.toString());
            assertEquals(201, created.statusCode(), created.body());
            assertFalse(LtiSteps.json(created.body()).has("jwksUrl"));

            Browser browser = new Browser();
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            HttpResponse<String> page = lti.launch(browser,
                    platform.sign(platform.resourceLaunch(login.nonce(), lti.launchUrl()).build()), login.state());
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(0, platform.jwksFetches.get(), "a static key needs no JWKS");
        }
    }

    @Test
    void platformKeyRotationMidSessionNeedsNoRestart() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            LtiSteps.Login first = lti.login(browser, platform, lti.launchUrl());
            assertEquals(200, lti.launch(browser, platform.sign(platform.resourceLaunch(first.nonce(), lti.launchUrl()).build()),
                    first.state()).statusCode());
            int fetchesBefore = platform.jwksFetches.get();

            platform.rotateKey();
            LtiSteps.Login second = lti.login(browser, platform, lti.launchUrl());
            HttpResponse<String> afterRotation = lti.launch(browser,
                    platform.sign(platform.resourceLaunch(second.nonce(), lti.launchUrl()).build()), second.state());
            assertEquals(200, afterRotation.statusCode(), afterRotation.body());
            assertTrue(platform.jwksFetches.get() > fetchesBefore, "the unknown kid made the tool fetch the JWKS again");
        }
    }

    @Test
    void withoutACookieThePlatformStorageFlowBindsTheState() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform(Map.of("platformStorage", true))) {
            Browser browser = new Browser();
            HttpResponse<String> loginPage = browser.get(lti.loginUri(platform, lti.launchUrl(),
                    Map.of("lti_storage_target", "_parent")));
            assertEquals("frame-ancestors " + platform.origin(),
                    loginPage.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals(200, loginPage.statusCode(), loginPage.body());
            assertTrue(loginPage.body().contains("lti.put_data"), loginPage.body());
            String authHref = loginPage.body().replaceAll("(?s).*<a id=\"continue\" href=\"([^\"]*)\".*", "$1").replace("&amp;", "&");
            Map<String, String> params = Browser.query(URI.create(authHref));
            browser.forgetCookies(); // third-party cookies blocked in the LMS iframe

            String idToken = platform.sign(platform.resourceLaunch(params.get("nonce"), lti.launchUrl()).build());
            HttpResponse<String> check = lti.launch(browser, idToken, params.get("state"));
            assertEquals(200, check.statusCode(), check.body());
            assertTrue(check.body().contains("lti.get_data"), check.body());
            assertFalse(check.body().contains("Hub launch received"));

            // What the page's script does once platform storage returned the state: post again with the proof.
            Map<String, String> relaunch = Browser.hiddenFields(check.body());
            HttpResponse<String> forged = browser.post(lti.launchUrl(), Map.of("id_token", idToken,
                    "state", params.get("state"), "lti_storage_proof", "guessed"));
            assertEquals(401, forged.statusCode(), "a proof not issued by the tool is refused");
            HttpResponse<String> page = browser.post(lti.launchUrl(), relaunch);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Hub launch received"), page.body());
        }
    }

    @Test
    void frameAncestorsAreTheRegisteredLmsOriginsOnly() {
        LtiSteps lti = new LtiSteps(base);
        List<String> extra = List.of("https://lms.example.org", "https://courses.example.org:8443");
        try (TestPlatform platform = lti.registeredPlatform(Map.of("frameOrigins", extra))) {
            String expected = "frame-ancestors " + platform.origin() + " " + String.join(" ", extra);
            Browser browser = new Browser();
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            HttpResponse<String> page = lti.launch(browser,
                    platform.sign(platform.resourceLaunch(login.nonce(), lti.launchUrl()).build()), login.state());
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(expected, page.headers().firstValue("Content-Security-Policy").orElse(""));

            // A refused launch of this registration is still shown inside its LMS.
            LtiSteps.Login second = lti.login(browser, platform, lti.launchUrl());
            HttpResponse<String> refused = lti.launch(browser, "not-a-jwt", second.state());
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals(expected, refused.headers().firstValue("Content-Security-Policy").orElse(""));
        }
        // Pages that belong to no registration may be framed by no one.
        HttpResponse<String> unknown = new Browser().get(lti.tool.resolve("/lti/login?iss=https://unknown.example&login_hint=x"
                + "&target_link_uri=" + lti.launchUrl()));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("frame-ancestors 'none'", unknown.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("frame-ancestors 'none'",
                lti.hub.get("/lti/jwks").headers().firstValue("Content-Security-Policy").orElse(""));
    }

    /**
     * Many browsers launching through one registration at once. Requests used to hang for ever in
     * EclipseLink's shared-cache lock while the registration was read: every launch must be answered
     * within the bound, and succeed.
     */
    @Test
    void concurrentLaunchesThroughOneRegistrationAreAllAnswered() throws Exception {
        int browsers = 16;
        int launchesEach = 50;
        Duration bound = Duration.ofSeconds(20);
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            ExecutorService pool = Executors.newFixedThreadPool(browsers);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int b = 0; b < browsers; b++) {
                    results.add(pool.submit(() -> {
                        Browser browser = new Browser(bound);
                        int launched = 0;
                        for (int i = 0; i < launchesEach; i++) {
                            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
                            HttpResponse<String> page = lti.launch(browser,
                                    platform.sign(platform.resourceLaunch(login.nonce(), lti.launchUrl()).build()),
                                    login.state());
                            assertEquals(200, page.statusCode(), page.body());
                            assertTrue(page.body().contains("Hub launch received"), page.body());
                            launched++;
                        }
                        return launched;
                    }));
                }
                int launched = 0;
                for (Future<Integer> result : results) {
                    launched += result.get(10, TimeUnit.MINUTES);
                }
                assertEquals(browsers * launchesEach, launched);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
