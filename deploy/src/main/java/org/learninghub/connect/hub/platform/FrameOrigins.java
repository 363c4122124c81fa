package org.learninghub.connect.hub.platform;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The {@code frameOrigins} of a registration: LMS page origins that may show the tool in a frame (CSP
 * {@code frame-ancestors}), for LMSs whose pages are not served from the issuer's or the auth URL's origin.
 * Each is an origin and nothing more ({@code scheme://host[:port]}), under the same scheme rule as every
 * registration URL, so no value can widen the policy (no wildcard, no scheme-only source, no keyword).
 */
final class FrameOrigins {

    static final String FIELD = "frameOrigins";
    static final int MAX_COUNT = 10;
    static final int MAX_LENGTH = 255;

    private FrameOrigins() {
    }

    /** The origins, checked and normalised (lower case, no trailing slash), duplicates removed. */
    static List<String> check(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        if (origins.size() > MAX_COUNT) {
            throw HubProblem.badRequest(FIELD, "at most " + MAX_COUNT + " origins");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String origin : origins) {
            checked.add(origin(origin));
        }
        return List.copyOf(checked);
    }

    private static String origin(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw HubProblem.badRequest(FIELD, "each must be an origin of 1 to " + MAX_LENGTH + " characters");
        }
        PlatformUrl.check(FIELD, value);
        URI uri = URI.create(value);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                && uri.getRawQuery() == null;
        if (!bare) {
            throw HubProblem.badRequest(FIELD, "each must be an origin (scheme://host[:port]) without a path or query");
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }

    /** The stored form: origins cannot contain spaces, so one space separates them. */
    static String join(List<String> origins) {
        return String.join(" ", origins);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.trim().split(" "));
    }
}
