package org.learninghub.connect.lti.deeplink;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.learninghub.connect.lti.page.LtiProblem;

/**
 * A validated deep linking request waiting for the teacher's choice. Only its random id travels in the
 * picker form; the return URL, accepted types and {@code data} come from here, never from the browser.
 */
public record DeepLinkSession(String id, long registrationId, String deploymentId, URI returnUrl,
                              List<String> acceptTypes, boolean acceptMultiple, Optional<String> data,
                              Instant expires) {

    /** Column sizes of {@code lti_deep_link_session}: a request beyond them is refused, not a database error. */
    static final int MAX_RETURN_URL = 2000;
    static final int MAX_ACCEPT_TYPES = 500;
    static final int MAX_DATA = 4000;

    public DeepLinkSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(deploymentId);
        Objects.requireNonNull(returnUrl);
        acceptTypes = List.copyOf(acceptTypes);
        data = Objects.requireNonNullElse(data, Optional.empty());
        Objects.requireNonNull(expires);
        if (returnUrl.toString().length() > MAX_RETURN_URL) {
            throw LtiProblem.badRequest("The deep_link_return_url is longer than " + MAX_RETURN_URL + " characters.");
        }
        if (String.join(" ", acceptTypes).length() > MAX_ACCEPT_TYPES) {
            throw LtiProblem.badRequest("The accept_types list is longer than " + MAX_ACCEPT_TYPES + " characters.");
        }
        if (data.map(String::length).orElse(0) > MAX_DATA) {
            throw LtiProblem.badRequest("The deep linking data is longer than " + MAX_DATA + " characters.");
        }
    }
}
