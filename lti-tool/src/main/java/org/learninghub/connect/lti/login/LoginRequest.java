package org.learninghub.connect.lti.login;

import java.net.URI;
import java.util.Optional;
import org.learninghub.connect.lti.page.LtiProblem;

/**
 * The parameters of an OIDC third-party initiated login (Security Framework §5.1.1.1, LTI Core §4.1,
 * Client Side postMessages §3 for {@code lti_storage_target}), as sent by GET or POST.
 */
public record LoginRequest(
        String issuer,
        String loginHint,
        URI targetLinkUri,
        Optional<String> ltiMessageHint,
        Optional<String> deploymentId,
        Optional<String> clientId,
        Optional<String> storageTarget) {

    static final int MAX_TARGET = 2000;
    static final int MAX_STORAGE_TARGET = 200;

    /** Builds the request from raw parameters, refusing a login the spec says cannot proceed. */
    public static LoginRequest of(String iss, String loginHint, String targetLinkUri, String ltiMessageHint,
                                  String deploymentId, String clientId, String storageTarget) {
        // Security Framework §5.1.1.1: iss, login_hint and target_link_uri are required.
        String issuer = required("iss", iss);
        String hint = required("login_hint", loginHint);
        URI target;
        try {
            target = new URI(required("target_link_uri", targetLinkUri));
        } catch (java.net.URISyntaxException e) {
            throw LtiProblem.badRequest("target_link_uri is not a URI");
        }
        // Column sizes of lti_login_state: longer values are refused here, not by the database.
        if (targetLinkUri.length() > MAX_TARGET) {
            throw LtiProblem.badRequest("target_link_uri is longer than " + MAX_TARGET + " characters.");
        }
        if (storageTarget != null && storageTarget.length() > MAX_STORAGE_TARGET) {
            throw LtiProblem.badRequest("lti_storage_target is longer than " + MAX_STORAGE_TARGET + " characters.");
        }
        return new LoginRequest(issuer, hint, target, optional(ltiMessageHint), optional(deploymentId),
                optional(clientId), optional(storageTarget));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw LtiProblem.badRequest("The login request has no " + name + " parameter.");
        }
        return value;
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
