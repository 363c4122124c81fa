package org.learninghub.connect.hub.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What of a request's path and query may be logged. Query parameter names are kept; the value of a parameter that
 * carries a secret or a learner's identity is replaced by {@value #REDACTED} (the LTI and sign-in tokens and state,
 * registration links and tokens, the xAPI {@code agent}, any name containing token, secret, password or auth). Paths
 * holding such a value (a registration link's token, a learner's issuer and subject) have those segments replaced.
 * Everything is cut to a bound: the input is the caller's.
 */
public final class Redaction {

    static final String REDACTED = "[redacted]";
    static final int MAX_PATH = 1000;
    static final int MAX_QUERY = 1000;
    static final int MAX_VALUE = 200;

    /** Parameters whose values are secrets or identify a person (lower case). */
    static final Set<String> SECRET_PARAMETERS = Set.of("id_token", "state", "code", "nonce", "code_verifier",
            "link", "registration_token", "openid_configuration", "login_hint", "lti_message_hint", "session",
            "agent", "mbox", "mbox_sha1sum", "account", "sub", "email");
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "auth", "key");

    private Redaction() {
    }

    /** The path as sent, or, when it holds a secret or a learner, its decoded segments with those replaced. */
    public static String path(String raw) {
        if (raw == null) {
            return null;
        }
        String cut = cut(raw, MAX_PATH);
        List<String> segments = segments(cut);
        boolean changed = false;
        // /lti/register/{link}: the registration link's token is the whole secret of the link.
        if (segments.size() >= 3 && segments.get(0).equals("lti") && segments.get(1).equals("register")) {
            for (int i = 2; i < segments.size(); i++) {
                segments.set(i, REDACTED);
            }
            changed = true;
        }
        // /admin/api/trusts/{code}/learners/{issuer}/{sub}/...: a learner's platform account.
        if (segments.size() >= 6 && segments.get(0).equals("admin") && segments.get(1).equals("api")
                && segments.get(2).equals("trusts") && segments.get(4).equals("learners")) {
            segments.set(5, REDACTED);
            if (segments.size() >= 7) {
                segments.set(6, REDACTED);
            }
            changed = true;
        }
        return changed ? "/" + String.join("/", segments) : cut;
    }

    /** The query with secret values replaced, or null when there is none. */
    public static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String cut = cut(raw, MAX_QUERY);
        StringBuilder out = new StringBuilder(cut.length());
        for (String pair : cut.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(name);
            if (eq >= 0) {
                out.append('=').append(secret(name) ? REDACTED : cut(pair.substring(eq + 1), MAX_VALUE));
            }
        }
        return out.toString();
    }

    static boolean secret(String rawName) {
        String name = decode(rawName).toLowerCase(Locale.ROOT);
        return SECRET_PARAMETERS.contains(name) || SECRET_WORDS.stream().anyMatch(name::contains);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String raw : path.split("/")) {
            int semicolon = raw.indexOf(';');
            String segment = decode(semicolon < 0 ? raw : raw.substring(0, semicolon));
            if (!segment.isEmpty()) {
                out.add(segment);
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
