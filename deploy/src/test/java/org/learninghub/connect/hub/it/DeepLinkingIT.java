package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deep Linking 2.0 over real HTTP: a deep linking request shows the picker, the teacher's choice comes
 * back as a signed LtiDeepLinkingResponse that the test platform verifies with the tool's published JWKS.
 */
class DeepLinkingIT extends HubIT {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    static final String RETURN_URL = "http://127.0.0.1:9/lms/deep-link-return";

    HttpResponse<String> deepLinkingLaunch(LtiSteps lti, TestPlatform platform, Browser browser,
                                           List<String> acceptTypes, boolean multiple) {
        URI target = lti.tool.resolve("/lti/deep-link");
        LtiSteps.Login login = lti.login(browser, platform, target);
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), target)
                .claim(LTI + "message_type", "LtiDeepLinkingRequest")
                .claim(LTI + "resource_link", null)
                .claim(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .claim(DL + "deep_linking_settings", Map.of(
                        "deep_link_return_url", RETURN_URL,
                        "accept_types", acceptTypes,
                        "accept_presentation_document_targets", List.of("iframe", "window"),
                        "accept_multiple", multiple,
                        "data", "platform-opaque-77"))
                .build();
        return lti.launch(browser, platform.sign(claims), login.state());
    }

    /** The platform's side: verify the response with the tool's JWKS fetched over HTTP. */
    JWTClaimsSet verifyWithToolJwks(LtiSteps lti, TestPlatform platform, String jwt) throws Exception {
        JWKSet toolKeys = JWKSet.parse(lti.hub.get("/lti/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(toolKeys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(platform.issuer,
                new JWTClaimsSet.Builder().issuer(platform.clientId).build(), Set.of("iat", "exp", "nonce")));
        return processor.process(jwt, null);
    }

    @Test
    void pickerReturnsASignedResponseThePlatformVerifies() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink", "link"), true);
            assertEquals(200, picker.statusCode(), picker.body());
            assertTrue(picker.body().contains("Choose Hub content"), picker.body());
            assertTrue(picker.body().contains("type=\"checkbox\""), "accept_multiple=true offers checkboxes");
            String session = Browser.hiddenFields(picker.body()).get("session");
            URI action = lti.launchUrl().resolve(Browser.formAction(picker.body()));

            HttpResponse<String> answer = browser.post(action, List.of(
                    new AbstractMap.SimpleEntry<>("session", session),
                    new AbstractMap.SimpleEntry<>("item", "demo-fire-safety"),
                    new AbstractMap.SimpleEntry<>("item", "demo-welcome")));
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(RETURN_URL, Browser.formAction(answer.body()));
            String jwt = Browser.hiddenFields(answer.body()).get("JWT");

            JWTClaimsSet claims = verifyWithToolJwks(lti, platform, jwt);
            assertEquals("LtiDeepLinkingResponse", claims.getStringClaim(LTI + "message_type"));
            assertEquals("1.3.0", claims.getStringClaim(LTI + "version"));
            assertEquals(platform.deploymentId, claims.getStringClaim(LTI + "deployment_id"));
            assertEquals("platform-opaque-77", claims.getStringClaim(DL + "data"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) claims.getClaim(DL + "content_items");
            assertEquals(2, items.size());
            Map<String, Object> fire = items.get(0);
            assertEquals("ltiResourceLink", fire.get("type"));
            assertEquals(lti.launchUrl().toString(), fire.get("url"));
            assertEquals(Map.of("hub_resource_id", "demo-fire-safety"), fire.get("custom"));
            Map<?, ?> lineItem = (Map<?, ?>) fire.get("lineItem");
            assertEquals(100.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
            assertEquals("Fire safety awareness (placeholder)", lineItem.get("label"));
            assertFalse(items.get(1).containsKey("lineItem"), "an ungraded item has no line item");

            HttpResponse<String> again = browser.post(action, Map.of("session", session, "item", "demo-welcome"));
            assertEquals(400, again.statusCode(), "a picker session answers once");
        }
    }

    @Test
    void singleChoiceRequestsGetRadiosAndRefuseTwoItems() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink"), false);
            assertEquals(200, picker.statusCode(), picker.body());
            assertTrue(picker.body().contains("type=\"radio\""), picker.body());
            String session = Browser.hiddenFields(picker.body()).get("session");
            HttpResponse<String> two = browser.post(lti.tool.resolve("/lti/deep-link/response"), List.of(
                    new AbstractMap.SimpleEntry<>("session", session),
                    new AbstractMap.SimpleEntry<>("item", "demo-fire-safety"),
                    new AbstractMap.SimpleEntry<>("item", "demo-welcome")));
            assertEquals(400, two.statusCode(), two.body());
        }
    }

    @Test
    void itemsOutsideTheCatalogueAndUnknownSessionsAreRefused() {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink"), true);
            String session = Browser.hiddenFields(picker.body()).get("session");
            HttpResponse<String> forged = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", session, "item", "../../secret"));
            assertEquals(400, forged.statusCode(), forged.body());
            HttpResponse<String> noSession = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", "made-up", "item", "demo-welcome"));
            assertEquals(400, noSession.statusCode(), noSession.body());
        }
    }

    @Test
    void aPlatformThatAcceptsNoResourceLinksGetsASignedErrorResponse() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            HttpResponse<String> answer = deepLinkingLaunch(lti, platform, new Browser(), List.of("file", "html"), true);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(RETURN_URL, Browser.formAction(answer.body()));
            JWTClaimsSet claims = verifyWithToolJwks(lti, platform, Browser.hiddenFields(answer.body()).get("JWT"));
            assertTrue(claims.getStringClaim(DL + "errormsg").contains("resource links"));
            assertEquals(List.of(), claims.getClaim(DL + "content_items"));
            assertEquals("platform-opaque-77", claims.getStringClaim(DL + "data"));
        }
    }
}
