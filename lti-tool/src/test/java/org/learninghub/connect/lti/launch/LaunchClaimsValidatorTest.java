package org.learninghub.connect.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.page.LtiProblem;

class LaunchClaimsValidatorTest {

    final LaunchClaimsValidator validator = new LaunchClaimsValidator();

    LaunchContext validate(JWTClaimsSet claims) {
        return validator.validate(claims, Tokens.registration(), Tokens.TARGET);
    }

    String rejection(JWTClaimsSet.Builder claims) {
        LtiProblem problem = assertThrows(LtiProblem.class, () -> validate(claims.build()));
        assertEquals(400, problem.status().getStatusCode());
        return problem.getMessage();
    }

    static JWTClaimsSet.Builder deepLinking() {
        return Tokens.resourceLaunch()
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .claim(LtiClaims.RESOURCE_LINK, null)
                .claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of(
                        "deep_link_return_url", "https://lms.example.nhs.uk/dl/return",
                        "accept_types", List.of("ltiResourceLink"),
                        "accept_presentation_document_targets", List.of("iframe", "window"),
                        "accept_multiple", false,
                        "data", "opaque-123"));
    }

    @Test
    void buildsTheLaunchContextOfAResourceLinkLaunch() {
        LaunchContext launch = validate(Tokens.resourceLaunch().build());
        assertEquals(Tokens.ISSUER, launch.issuer());
        assertEquals(Tokens.DEPLOYMENT, launch.deploymentId());
        assertEquals("user-42", launch.subject().orElseThrow());
        assertEquals("rl-1", launch.resourceLink().orElseThrow().id());
        assertEquals("Induction", launch.context().orElseThrow().title());
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), launch.roles());
        assertEquals("demo-1", launch.custom().get("hub_resource_id"));
        assertEquals("3", launch.custom().get("attempts"), "non-string custom values keep their JSON text");
        assertEquals(3, launch.tenantId());
    }

    @Test
    void parsesAgsAndNrpsClaims() {
        LaunchContext launch = validate(Tokens.resourceLaunch()
                .claim(LtiClaims.AGS_ENDPOINT, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                        "lineitem", "https://lms.example.nhs.uk/li/1"))
                .claim(LtiClaims.NRPS, Map.of("context_memberships_url", "https://lms.example.nhs.uk/m",
                        "service_versions", List.of("2.0")))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("document_target", "iframe", "return_url", "https://x"))
                .build());
        assertEquals("https://lms.example.nhs.uk/li/1", launch.ags().orElseThrow().lineitem());
        assertEquals("https://lms.example.nhs.uk/m", launch.namesRoleService().orElseThrow().contextMembershipsUrl());
        assertEquals("iframe", launch.launchPresentation().orElseThrow().documentTarget());
    }

    @Test
    void rejectsAnotherVersion() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.VERSION, "1.1")).contains("version"));
    }

    @Test
    void rejectsMissingVersion() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.VERSION, null)).contains("version"));
    }

    @Test
    void rejectsMissingMessageType() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.MESSAGE_TYPE, null)).contains("message_type"));
    }

    @Test
    void rejectsUnsupportedMessageType() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"))
                .contains("not supported"));
    }

    @Test
    void rejectsUnregisteredDeployment() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.DEPLOYMENT_ID, "dep-x")).contains("deployment_id"));
    }

    @Test
    void rejectsMissingRoles() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.ROLES, null)).contains("roles"));
    }

    @Test
    void rejectsRolesThatAreNotAnArray() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.ROLES, Map.of("a", 1))).contains("roles"));
    }

    @Test
    void rejectsResourceLinkLaunchWithoutResourceLinkId() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.RESOURCE_LINK, Map.of("title", "x")))
                .contains("resource_link"));
    }

    @Test
    void rejectsTargetLinkUriOtherThanTheLogins() {
        assertTrue(rejection(Tokens.resourceLaunch().claim(LtiClaims.TARGET_LINK_URI, "https://hub.example/other"))
                .contains("target_link_uri"));
    }

    @Test
    void rejectsEmptySubject() {
        assertTrue(rejection(Tokens.resourceLaunch().subject(" ")).contains("sub"));
    }

    @Test
    void acceptsADeepLinkingRequest() {
        LaunchContext launch = validate(deepLinking().build());
        LaunchContext.DeepLinkingSettings settings = launch.deepLinking().orElseThrow();
        assertEquals("opaque-123", settings.data());
        assertEquals(false, settings.multipleAccepted());
        assertEquals(URI.create("https://lms.example.nhs.uk/dl/return"), URI.create(settings.deepLinkReturnUrl()));
    }

    @Test
    void rejectsDeepLinkingWithoutReturnUrl() {
        assertTrue(rejection(deepLinking().claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of(
                "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe"))))
                .contains("deep_link_return_url"));
    }

    @Test
    void rejectsAReturnUrlThatIsNotAWebUrl() {
        assertTrue(rejection(deepLinking().claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of(
                "deep_link_return_url", "javascript:alert(1)", "accept_types", List.of("ltiResourceLink"),
                "accept_presentation_document_targets", List.of("iframe"))))
                .contains("http(s)"));
    }

    @Test
    void rejectsDeepLinkingWithoutAcceptTypes() {
        assertTrue(rejection(deepLinking().claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of(
                "deep_link_return_url", "https://lms/x", "accept_presentation_document_targets", List.of("iframe"))))
                .contains("accept_types"));
    }

    @Test
    void rejectsDeepLinkingWithoutDocumentTargets() {
        assertTrue(rejection(deepLinking().claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of(
                "deep_link_return_url", "https://lms/x", "accept_types", List.of("ltiResourceLink"))))
                .contains("accept_presentation_document_targets"));
    }
}
