package org.learninghub.connect.lti.launch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/**
 * Checks the LTI claims of a verified id_token (LTI Core 1.3 §5.3 required claims, Deep Linking 2.0 §4.4)
 * and builds the {@link LaunchContext}. One check per rule; the first broken rule is the 4xx reason.
 */
public final class LaunchClaimsValidator {

    /** Platforms add claims of their own; only the shape of the claims we read is checked. */
    private static final ObjectMapper CLAIMS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LaunchContext validate(JWTClaimsSet claims, PlatformRegistration registration, URI loginTarget) {
        // LTI Core §5.3.2: version must be 1.3.0.
        String version = string(claims, LtiClaims.VERSION).orElseThrow(() -> invalid("version is missing"));
        if (!LtiClaims.VERSION_1_3_0.equals(version)) {
            throw invalid("version must be 1.3.0, not " + version);
        }
        // LTI Core §5.3.1: a message type this tool handles.
        String messageType = string(claims, LtiClaims.MESSAGE_TYPE).orElseThrow(() -> invalid("message_type is missing"));
        boolean resourceLink = LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType);
        boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
        if (!resourceLink && !deepLinking) {
            throw invalid("message_type " + messageType + " is not supported");
        }
        // LTI Core §5.3.3: deployment_id is required and must be one registered for this platform.
        String deploymentId = string(claims, LtiClaims.DEPLOYMENT_ID).orElseThrow(() -> invalid("deployment_id is missing"));
        if (!registration.allowsDeployment(deploymentId)) {
            throw invalid("deployment_id " + deploymentId + " is not registered for this platform");
        }
        // LTI Core §5.3.7: roles is required (it may be empty).
        List<String> roles = stringList(claims, LtiClaims.ROLES).orElseThrow(() -> invalid("roles is missing"));
        // LTI Core §5.3.6: sub, when present, is a non-empty string of at most 255 characters.
        Optional<String> subject = string(claims, "sub");
        if (subject.isPresent() && (subject.get().isBlank() || subject.get().length() > 255)) {
            throw invalid("sub must be 1 to 255 characters");
        }
        // LTI Core §5.3.4 and Security Framework §5.1.1.1: target_link_uri must be the one the login named.
        Optional<URI> target = string(claims, LtiClaims.TARGET_LINK_URI).map(LaunchClaimsValidator::uri);
        if (target.isPresent() && !target.get().equals(loginTarget)) {
            throw invalid("target_link_uri differs from the login's");
        }
        Optional<LaunchContext.ResourceLink> link = object(claims, LtiClaims.RESOURCE_LINK, LaunchContext.ResourceLink.class);
        Optional<LaunchContext.DeepLinkingSettings> settings =
                object(claims, LtiClaims.DEEP_LINKING_SETTINGS, LaunchContext.DeepLinkingSettings.class);
        if (resourceLink) {
            // LTI Core §5.3.5: a resource link launch has resource_link with a non-empty id, and §5.3.4 a target.
            if (link.isEmpty() || blank(link.get().id()) || link.get().id().length() > 255) {
                throw invalid("resource_link.id is missing or longer than 255 characters");
            }
            if (target.isEmpty()) {
                throw invalid("target_link_uri is missing");
            }
        }
        if (deepLinking) {
            // Deep Linking §4.4.1: deep_link_return_url, accept_types and accept_presentation_document_targets.
            if (settings.isEmpty() || blank(settings.get().deepLinkReturnUrl())) {
                throw invalid("deep_linking_settings.deep_link_return_url is missing");
            }
            // The response is form-posted there by the browser: only a web URL, never javascript: or data:.
            String scheme = uri(settings.get().deepLinkReturnUrl()).getScheme().toLowerCase();
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw invalid("deep_linking_settings.deep_link_return_url must be an http(s) URL");
            }
            if (settings.get().acceptTypes() == null || settings.get().acceptTypes().isEmpty()) {
                throw invalid("deep_linking_settings.accept_types is missing");
            }
            if (settings.get().acceptPresentationDocumentTargets() == null
                    || settings.get().acceptPresentationDocumentTargets().isEmpty()) {
                throw invalid("deep_linking_settings.accept_presentation_document_targets is missing");
            }
        }
        Optional<LaunchContext.Context> context = object(claims, LtiClaims.CONTEXT, LaunchContext.Context.class);
        // LTI Core §5.4.1: a context, when sent, has an id.
        if (context.isPresent() && blank(context.get().id())) {
            throw invalid("context.id is missing");
        }
        return new LaunchContext(registration.id(), registration.tenantId(), registration.issuer(),
                registration.clientId(), deploymentId, messageType, subject, string(claims, "name"),
                string(claims, "email"), roles, target, context, link,
                object(claims, LtiClaims.LAUNCH_PRESENTATION, LaunchContext.LaunchPresentation.class),
                custom(claims), object(claims, LtiClaims.LIS, LaunchContext.Lis.class),
                object(claims, LtiClaims.AGS_ENDPOINT, LaunchContext.AgsEndpoint.class),
                object(claims, LtiClaims.NRPS, LaunchContext.NamesRoleService.class), settings);
    }

    private static Optional<String> string(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            throw invalid(shortName(name) + " must be a string");
        }
    }

    private static Optional<List<String>> stringList(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringListClaim(name));
        } catch (ParseException e) {
            throw invalid(shortName(name) + " must be an array of strings");
        }
    }

    private static <T> Optional<T> object(JWTClaimsSet claims, String name, Class<T> type) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(name);
            return value == null ? Optional.empty() : Optional.of(CLAIMS.convertValue(value, type));
        } catch (ParseException | IllegalArgumentException e) {
            throw invalid(shortName(name) + " is not a valid object");
        }
    }

    /** LTI Core §5.4.6: custom is a map of strings; other JSON values are kept as their JSON text. */
    private static Map<String, String> custom(JWTClaimsSet claims) {
        try {
            Map<String, Object> raw = claims.getJSONObjectClaim(LtiClaims.CUSTOM);
            Map<String, String> custom = new LinkedHashMap<>();
            if (raw != null) {
                for (var e : raw.entrySet()) {
                    if (e.getValue() != null) {
                        custom.put(e.getKey(), e.getValue() instanceof String s ? s : CLAIMS.writeValueAsString(e.getValue()));
                    }
                }
            }
            return custom;
        } catch (ParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("custom must be an object");
        }
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw invalid("a URL claim is not absolute: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("a URL claim is not a URL");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shortName(String claim) {
        return claim.substring(claim.lastIndexOf('/') + 1);
    }

    private static LtiProblem invalid(String reason) {
        return LtiProblem.badRequest("The launch is invalid: " + reason + ".");
    }
}
