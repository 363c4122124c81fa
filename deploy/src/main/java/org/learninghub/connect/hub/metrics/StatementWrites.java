package org.learninghub.connect.hub.metrics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a refused request was a statement write: PUT or POST on {@code /xapi/statements}, judged on the path's
 * decoded segments without matrix parameters or empty segments. A 1.0.3 alternate-syntax request (a POST with
 * {@code method=} in its query) is a write unless it asks for {@code GET}. The target is already cut to
 * {@link org.learninghub.connect.xapi.http.Refusal#MAX_TEXT} characters.
 */
final class StatementWrites {

    private StatementWrites() {
    }

    static boolean isWrite(String method, String target) {
        if (target == null || !("PUT".equals(method) || "POST".equals(method))) {
            return false;
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        List<String> segments = segments(path);
        if (segments.size() != 2 || !segments.get(0).equals("xapi") || !segments.get(1).equals("statements")) {
            return false;
        }
        return q < 0 || !alternateGet(target.substring(q + 1));
    }

    private static boolean alternateGet(String query) {
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("method=GET")) {
                return true;
            }
        }
        return false;
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String raw : path.split("/")) {
            int semicolon = raw.indexOf(';');
            String segment = semicolon < 0 ? raw : raw.substring(0, semicolon);
            if (segment.isEmpty()) {
                continue;
            }
            try {
                out.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                out.add(segment);
            }
        }
        return out;
    }
}
