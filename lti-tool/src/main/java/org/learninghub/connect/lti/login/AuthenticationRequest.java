package org.learninghub.connect.lti.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The OIDC authentication request the tool sends the browser to (Security Framework §5.1.1.2, LTI Core
 * §4.1): exactly the parameters platforms check, with {@code login_hint} and {@code lti_message_hint}
 * passed back unchanged.
 */
public record AuthenticationRequest(URI authLoginUrl, String clientId, URI redirectUri, String loginHint,
                                    Optional<String> ltiMessageHint, String state, String nonce) {

    /** The parameters in the order they are sent. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scope", "openid");
        p.put("response_type", "id_token");
        p.put("response_mode", "form_post");
        p.put("prompt", "none");
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri.toString());
        p.put("login_hint", loginHint);
        ltiMessageHint.ifPresent(h -> p.put("lti_message_hint", h));
        p.put("state", state);
        p.put("nonce", nonce);
        return p;
    }

    /** The platform's auth URL with the parameters added to any query it already has. */
    public URI toUri() {
        String query = parameters().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = authLoginUrl.toString();
        String separator = authLoginUrl.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
