package org.learninghub.connect.lti.registration.dynamic;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.lti.registration.ToolUrls;

/**
 * The tool's registration request (Dynamic Registration 1.0 §3.5.2, OpenID Connect Dynamic Client
 * Registration): the OIDC client metadata plus the LTI tool configuration block.
 */
public final class ToolRegistration {

    public static final String LTI_TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public static final String CLIENT_NAME = "Learning Hub Connect";
    /** AGS 2.0 and NRPS 2.0 scopes: the Hub reports scores and reads rosters. */
    public static final List<String> SERVICE_SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    /** The identity claims the Hub wants in launches. */
    static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email");

    private ToolRegistration() {
    }

    /**
     * The request body for a platform: the scopes are those the platform supports when it lists them
     * (asking for an unsupported one makes some platforms refuse the whole registration).
     */
    public static Map<String, Object> body(ToolUrls urls, URI publicUrl, PlatformConfiguration platform) {
        List<String> scopes = platform.scopesSupported()
                .map(supported -> SERVICE_SCOPES.stream().filter(supported::contains).toList())
                .orElse(SERVICE_SCOPES);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("domain", domain(publicUrl));
        tool.put("description", "Learning Hub Connect: e-learning for NHS trusts, with completion tracking");
        tool.put("target_link_uri", urls.targetLinkUrl().toString());
        tool.put("claims", CLAIMS);
        tool.put("messages", List.of(
                Map.of("type", "LtiResourceLinkRequest", "target_link_uri", urls.targetLinkUrl().toString()),
                Map.of("type", "LtiDeepLinkingRequest", "target_link_uri", urls.deepLinkingUrl().toString(),
                        "label", CLIENT_NAME)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application_type", "web");
        body.put("response_types", List.of("id_token"));
        body.put("grant_types", List.of("implicit", "client_credentials"));
        body.put("initiate_login_uri", urls.loginUrl().toString());
        body.put("redirect_uris", List.of(urls.redirectUrl().toString()));
        body.put("client_name", CLIENT_NAME);
        body.put("jwks_uri", urls.jwksUrl().toString());
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("scope", String.join(" ", scopes));
        body.put(LTI_TOOL_CONFIGURATION, tool);
        return body;
    }

    /** The tool's domain as the LTI block names it: host, and port when not the scheme's default. */
    static String domain(URI publicUrl) {
        return URI.create(OutboundUrl.origin(publicUrl)).getRawAuthority();
    }
}
