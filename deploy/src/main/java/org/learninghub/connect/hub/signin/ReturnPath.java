package org.learninghub.connect.hub.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where to send a person after sign-in: a path of this Hub only, never another site (no open redirect). A
 * value with a scheme, an authority ({@code //host}), a backslash (which browsers read as a slash) or a control
 * character is refused, as is anything that does not parse as a URI.
 */
final class ReturnPath {

    static final String DEFAULT = "/admin/";
    static final int MAX_LENGTH = 500;

    private ReturnPath() {
    }

    /** The path to return to, or empty when {@code value} is not a local path. Absent means the default. */
    static Optional<String> of(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        if (value.length() > MAX_LENGTH || !value.startsWith("/") || value.startsWith("//")
                || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
