package org.learninghub.connect.lti.registration.dynamic;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for every URL the tool calls or stores during a dynamic registration: absolute HTTPS (Security
 * Framework §3), plain HTTP only on this machine (development, tests), no user info, no fragment, bounded.
 */
final class OutboundUrl {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private OutboundUrl() {
    }

    /** The URL, checked; a {@link RegistrationFailure} naming {@code what} otherwise. */
    static URI check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw RegistrationFailure.platform(what + " is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw RegistrationFailure.platform(what + " is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw RegistrationFailure.platform(what + " is not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw RegistrationFailure.platform(what + " must be an absolute URL with a host, no fragment and no user info");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopbackHttp = "http".equals(scheme) && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equals(scheme) && !loopbackHttp) {
            throw RegistrationFailure.platform(what + " must be an https URL (http only on localhost or 127.0.0.1)");
        }
        return uri;
    }

    /** {@code scheme://host[:port]}, lower case, the default port left out. */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String origin = scheme + "://" + url.getHost().toLowerCase(Locale.ROOT);
        return defaultPort ? origin : origin + ":" + port;
    }
}
