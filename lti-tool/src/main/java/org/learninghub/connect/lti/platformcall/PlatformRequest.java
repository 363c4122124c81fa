package org.learninghub.connect.lti.platformcall;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to a platform service.
 *
 * @param accept       the media type asked for; empty when the answer has no body of interest
 * @param contentType  the body's media type; empty without a body
 * @param retryAnyServerError whether every 5xx may be retried: true for calls a platform may receive twice
 *                     without harm (GET, PUT, DELETE, a score with its timestamp, a token request); a
 *                     creation is retried only on 429 and 503, which say the request was not processed
 */
public record PlatformRequest(String method, URI uri, Optional<String> accept, Optional<String> contentType,
                              Optional<byte[]> body, boolean retryAnyServerError) {

    public PlatformRequest {
        Objects.requireNonNull(method, "method is required");
        Objects.requireNonNull(uri, "uri is required");
        accept = Objects.requireNonNullElse(accept, Optional.empty());
        contentType = Objects.requireNonNullElse(contentType, Optional.empty());
        body = Objects.requireNonNullElse(body, Optional.empty());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new ServiceNotGrantedException("a platform service URL must be an absolute http(s) URL");
        }
        if (body.isPresent() != contentType.isPresent()) {
            throw new IllegalArgumentException("a body needs a content type and a content type a body");
        }
    }

    public static PlatformRequest get(URI uri, String accept) {
        return new PlatformRequest("GET", uri, Optional.of(accept), Optional.empty(), Optional.empty(), true);
    }

    public static PlatformRequest delete(URI uri) {
        return new PlatformRequest("DELETE", uri, Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    public static PlatformRequest send(String method, URI uri, String contentType, byte[] body,
                                       Optional<String> accept, boolean retryAnyServerError) {
        return new PlatformRequest(method, uri, accept, Optional.of(contentType), Optional.of(body.clone()),
                retryAnyServerError);
    }
}
