package org.learninghub.connect.hub.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The rule for every URL of a platform registration: absolute HTTPS (Security Framework §3: all LTI traffic
 * over TLS), with plain HTTP allowed only for a platform on this machine (localhost, 127.0.0.1, ::1) for
 * development and tests.
 */
final class PlatformUrl {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private PlatformUrl() {
    }

    /** The URL, checked; a 400 naming {@code field} otherwise. */
    static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw HubProblem.badRequest(field, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw HubProblem.badRequest(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw HubProblem.badRequest(field, "must be a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw HubProblem.badRequest(field, "must be an absolute URL with a host, no fragment and no user info");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost().toLowerCase());
        if (!https && !loopbackHttp) {
            throw HubProblem.badRequest(field, "must be an https URL (http only for localhost or 127.0.0.1)");
        }
        return value;
    }

    static String checkOptional(String field, String value) {
        return value == null || value.isBlank() ? null : check(field, value);
    }
}
