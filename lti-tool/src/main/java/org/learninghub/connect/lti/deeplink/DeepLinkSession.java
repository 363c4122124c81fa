package org.learninghub.connect.lti.deeplink;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated deep linking request waiting for the teacher's choice. Only its random id travels in the
 * picker form; the return URL, accepted types and {@code data} come from here, never from the browser.
 */
public record DeepLinkSession(String id, long registrationId, String deploymentId, URI returnUrl,
                              List<String> acceptTypes, boolean acceptMultiple, Optional<String> data,
                              Instant expires) {

    public DeepLinkSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(deploymentId);
        Objects.requireNonNull(returnUrl);
        acceptTypes = List.copyOf(acceptTypes);
        data = Objects.requireNonNullElse(data, Optional.empty());
        Objects.requireNonNull(expires);
    }
}
