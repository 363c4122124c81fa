package org.learninghub.connect.lti.platformcall;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Service URLs derived from the ones a platform gave: query parameters added, a path segment appended. */
public final class ServiceUrls {

    private ServiceUrls() {
    }

    /**
     * {@code url} with the non-null parameters added to its query, keeping what the platform put there
     * (Moodle's line item container URL already carries one).
     */
    public static URI withQuery(URI url, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return build(url, url.getRawPath(), query.length() == 0 ? null : query.toString());
    }

    /**
     * {@code url} with {@code segment} appended to its path, the query kept: AGS 2.0 §3.4 and §3.5 name the
     * scores and results endpoints of a line item this way ({@code …/lineitems/1?x=y} →
     * {@code …/lineitems/1/scores?x=y}).
     */
    public static URI withPathSegment(URI url, String segment) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return build(url, (path.endsWith("/") ? path : path + "/") + segment, url.getRawQuery());
    }

    private static URI build(URI url, String rawPath, String rawQuery) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + (rawPath == null ? "" : rawPath)
                + (rawQuery == null ? "" : "?" + rawQuery));
    }
}
