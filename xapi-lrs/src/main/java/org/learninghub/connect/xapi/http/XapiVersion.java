package org.learninghub.connect.xapi.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The xAPI versions this LRS serves, as named by the {@code X-Experience-API-Version} header.
 * 1.0.3 Communication §6.2: a request of any 1.0.x version is served as the newest 1.0 patch (1.0.3);
 * 2.0.0 is IEEE 9274.1.1-2023.
 */
public enum XapiVersion {
    V1_0_3("1.0.3"),
    V2_0_0("2.0.0");

    public static final String HEADER = "X-Experience-API-Version";

    private static final Pattern V1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2 = Pattern.compile("2\\.0(\\.0)?");

    /** Bound checked before the patterns: no real version header is longer. */
    private static final int MAX_LENGTH = 32;

    private final String header;

    XapiVersion(String header) {
        this.header = header;
    }

    /** The value this LRS sends back in its responses. */
    public String header() {
        return header;
    }

    public boolean isAtLeast2() {
        return this == V2_0_0;
    }

    public static Optional<XapiVersion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (V1.matcher(v).matches()) {
            return Optional.of(V1_0_3);
        }
        if (V2.matcher(v).matches()) {
            return Optional.of(V2_0_0);
        }
        return Optional.empty();
    }
}
