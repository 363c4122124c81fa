package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Deep Linking 2.0 over real HTTP: a deep linking request shows the picker over the published catalogue, the
 * teacher searches and picks, the choice comes back as a signed LtiDeepLinkingResponse that the test platform
 * verifies with the tool's published JWKS, and a launch of a link opens its resource.
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

    /** Two published resources (one graded) and a contribution still in review, all holding {@code word}. */
    record Seeded(String graded, String ungraded, String inReview) {
    }

    Seeded seed(CatalogueClient c, String word) {
        Map<String, Object> graded = c.resource("graded");
        graded.put("title", "Fire safety " + word + " for ward staff");
        graded.put("gradable", true);
        graded.put("scoreMaximum", 100);
        Map<String, Object> ungraded = c.resource("ungraded");
        ungraded.put("title", "Welcome to the " + word + " induction");
        String trust = HubClient.uniqueCode("D");
        assertEquals(201, c.hub.adminPost("/admin/api/trusts", "{\"code\":\"" + trust + "\",\"name\":\"T\"}").statusCode());
        Map<String, Object> contribution = c.resource("review");
        contribution.put("title", "Draft " + word + " module awaiting review");
        contribution.put("ownerTrust", trust);
        return new Seeded(c.created(graded).get("id").asText(), c.created(ungraded).get("id").asText(),
                c.created(contribution).get("id").asText());
    }

    @Test
    void theTeacherSearchesPicksTwoAndTheSignedResponseCarriesBoth() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        String word = CatalogueClient.word(9);
        Seeded seeded = seed(c, word);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink", "link"), true);
            assertEquals(200, picker.statusCode(), picker.body());
            assertTrue(picker.body().contains("Choose Hub content"), picker.body());
            String session = Browser.hiddenFields(picker.body()).get("session");

            HttpResponse<String> found = browser.post(lti.tool.resolve("/lti/deep-link/search"),
                    Map.of("session", session, "q", word));
            assertEquals(200, found.statusCode(), found.body());
            assertTrue(found.body().contains("type=\"checkbox\""), "accept_multiple=true offers checkboxes");
            assertTrue(found.body().contains("value=\"" + seeded.graded() + "\""), found.body());
            assertTrue(found.body().contains("value=\"" + seeded.ungraded() + "\""), found.body());
            assertFalse(found.body().contains(seeded.inReview()), "only published resources are offered");
            assertTrue(found.body().indexOf(seeded.graded()) < found.body().indexOf(seeded.ungraded()),
                    "ranked: both match in the title, alphabetical after that");

            HttpResponse<String> answer = browser.post(lti.tool.resolve("/lti/deep-link/response"), List.of(
                    new AbstractMap.SimpleEntry<>("session", session),
                    new AbstractMap.SimpleEntry<>("item", seeded.graded()),
                    new AbstractMap.SimpleEntry<>("item", seeded.ungraded())));
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
            assertEquals("Fire safety " + word + " for ward staff", fire.get("title"));
            assertEquals(Map.of("hub_resource_id", seeded.graded()), fire.get("custom"));
            Map<?, ?> lineItem = (Map<?, ?>) fire.get("lineItem");
            assertEquals(100.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
            assertEquals(seeded.graded(), lineItem.get("resourceId"));
            assertEquals("hub-catalogue", lineItem.get("tag"));
            assertEquals(Map.of("hub_resource_id", seeded.ungraded()), items.get(1).get("custom"));
            assertFalse(items.get(1).containsKey("lineItem"), "an ungraded item has no line item");

            HttpResponse<String> again = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", session, "item", seeded.ungraded()));
            assertEquals(400, again.statusCode(), "a picker session answers once");
        }
    }

    @Test
    void launchingALinkOpensItsResourceAndAnUnknownOrRetiredOneGetsAClearPage() {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        Seeded seeded = seed(c, CatalogueClient.word(9));
        try (TestPlatform platform = lti.registeredPlatform()) {
            HttpResponse<String> opened = resourceLaunch(lti, platform, seeded.graded());
            assertEquals(303, opened.statusCode(), opened.body());
            JsonNode resource = CatalogueClient.read(c.get("/admin/api/resources/" + seeded.graded()).body());
            assertTrue(opened.headers().firstValue("Location").orElseThrow()
                    .startsWith(resource.get("launchUrl").asText() + "?"), opened.headers().toString());

            HttpResponse<String> unknown = resourceLaunch(lti, platform, java.util.UUID.randomUUID().toString());
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().contains("does not exist"), unknown.body());
            assertEquals(404, resourceLaunch(lti, platform, "../../etc/passwd").statusCode());
            assertEquals(404, resourceLaunch(lti, platform, seeded.inReview()).statusCode(), "not published yet");

            assertEquals(204, c.delete("/admin/api/resources/" + seeded.graded()).statusCode());
            HttpResponse<String> retired = resourceLaunch(lti, platform, seeded.graded());
            assertEquals(404, retired.statusCode(), retired.body());
            assertTrue(retired.body().contains("retired"), retired.body());
        }
    }

    HttpResponse<String> resourceLaunch(LtiSteps lti, TestPlatform platform, String hubResourceId) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), lti.launchUrl())
                .claim(LTI + "custom", Map.of("hub_resource_id", hubResourceId)).build();
        return lti.launch(browser, platform.sign(claims), login.state());
    }

    @Test
    void singleChoiceRequestsGetRadiosAndRefuseTwoItems() {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        String word = CatalogueClient.word(9);
        Seeded seeded = seed(c, word);
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink"), false);
            assertEquals(200, picker.statusCode(), picker.body());
            String session = Browser.hiddenFields(picker.body()).get("session");
            HttpResponse<String> found = browser.post(lti.tool.resolve("/lti/deep-link/search"),
                    Map.of("session", session, "q", word));
            assertTrue(found.body().contains("type=\"radio\""), found.body());
            HttpResponse<String> two = browser.post(lti.tool.resolve("/lti/deep-link/response"), List.of(
                    new AbstractMap.SimpleEntry<>("session", session),
                    new AbstractMap.SimpleEntry<>("item", seeded.graded()),
                    new AbstractMap.SimpleEntry<>("item", seeded.ungraded())));
            assertEquals(400, two.statusCode(), two.body());
        }
    }

    @Test
    void itemsOutsideTheCatalogueAndUnknownSessionsAreRefused() {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        Seeded seeded = seed(c, CatalogueClient.word(9));
        try (TestPlatform platform = lti.registeredPlatform()) {
            Browser browser = new Browser();
            HttpResponse<String> picker = deepLinkingLaunch(lti, platform, browser, List.of("ltiResourceLink"), true);
            String session = Browser.hiddenFields(picker.body()).get("session");
            HttpResponse<String> forged = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", session, "item", "../../secret"));
            assertEquals(400, forged.statusCode(), forged.body());
            HttpResponse<String> notPublished = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", session, "item", seeded.inReview()));
            assertEquals(400, notPublished.statusCode(), notPublished.body());
            HttpResponse<String> noSession = browser.post(lti.tool.resolve("/lti/deep-link/response"),
                    Map.of("session", "made-up", "item", seeded.ungraded()));
            assertEquals(400, noSession.statusCode(), noSession.body());
            HttpResponse<String> searchNoSession = browser.post(lti.tool.resolve("/lti/deep-link/search"),
                    Map.of("session", "made-up", "q", "fire"));
            assertEquals(400, searchNoSession.statusCode(), searchNoSession.body());
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
