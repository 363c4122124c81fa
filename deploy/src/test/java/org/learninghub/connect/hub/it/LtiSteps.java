package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The steps LTI integration tests repeat: a trust and a registration, a login, a launch. */
final class LtiSteps {

    final HubClient hub;
    /** The tool's public URL as the server under test is configured ({@code hub.public.url}). */
    final URI tool;

    LtiSteps(URL base) {
        // The servers HubIT tests run on are configured with their own loopback address as public URL.
        this(new HubClient(base), URI.create("http://127.0.0.1:" + base.getPort()));
    }

    /** For a server the test started itself ({@link HubProcess}), whose {@code hub.public.url} is {@code tool}. */
    LtiSteps(HubClient hub, URI tool) {
        this.hub = hub;
        this.tool = tool;
    }

    URI launchUrl() {
        return tool.resolve("/lti/launch");
    }

    String newTrust() {
        String code = HubClient.uniqueCode("L");
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"LTI " + code + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return code;
    }

    JsonNode register(String trust, TestPlatform platform) {
        return register(trust, platform, Map.of());
    }

    /** Registers the platform with some registration fields added or replaced. */
    JsonNode register(String trust, TestPlatform platform, Map<String, Object> changes) {
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts/" + trust + "/platforms",
                platform.registrationJson(changes));
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body());
    }

    /** A registered platform in a new trust. */
    TestPlatform registeredPlatform() {
        return registeredPlatform(Map.of());
    }

    /** A platform in a new trust, registered with some registration fields added or replaced. */
    TestPlatform registeredPlatform(Map<String, Object> changes) {
        TestPlatform platform = TestPlatform.start();
        platform.registerRedirectUri(launchUrl());
        register(newTrust(), platform, changes);
        return platform;
    }

    /** A login initiation as the platform sends it by GET; the state and nonce come back in the redirect. */
    Login login(Browser browser, TestPlatform platform, URI target) {
        HttpResponse<String> response = browser.get(loginUri(platform, target, Map.of()));
        assertEquals(302, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return new Login(Browser.query(location), location);
    }

    URI loginUri(TestPlatform platform, URI target, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer);
        params.put("login_hint", "learner-7");
        params.put("target_link_uri", target.toString());
        params.put("lti_message_hint", "{\"launch\":42}");
        params.put("lti_deployment_id", platform.deploymentId);
        params.put("client_id", platform.clientId);
        params.putAll(extra);
        return tool.resolve("/lti/login?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    HttpResponse<String> launch(Browser browser, String idToken, String state) {
        return browser.post(launchUrl(), Map.of("id_token", idToken, "state", state));
    }

    /**
     * A learner's launch of a Hub catalogue resource (the custom parameter {@code hub_resource_id}) in a browser of
     * its own, through login and launch: the launch parameters the Hub hands the content (endpoint, auth, actor,
     * registration, …), read from the redirect to it.
     */
    Map<String, String> launchResource(TestPlatform platform, String hubResourceId, String learner) {
        Browser browser = new Browser();
        Login login = login(browser, platform, launchUrl());
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), launchUrl()).subject(learner)
                .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("hub_resource_id", hubResourceId))
                .build();
        HttpResponse<String> launched = launch(browser, platform.sign(claims), login.state());
        assertEquals(303, launched.statusCode(), launched.body());
        return Browser.query(URI.create(launched.headers().firstValue("Location").orElseThrow()));
    }

    static JsonNode json(String body) {
        try {
            return TestPlatform.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Login(Map<String, String> params, URI location) {
        String state() {
            return params.get("state");
        }

        String nonce() {
            return params.get("nonce");
        }
    }
}
