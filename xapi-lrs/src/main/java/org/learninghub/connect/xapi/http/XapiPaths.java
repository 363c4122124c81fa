package org.learninghub.connect.xapi.http;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The LRS's place in the server's URL space, and the order of its request filters. */
public final class XapiPaths {

    /** Every xAPI resource lives under this path segment. */
    public static final String ROOT = "xapi";

    /** Filters run in this order (lower first): CORS preflight, alternate syntax, version, principal. */
    public static final int CORS_PRIORITY = 700;
    public static final int ALTERNATE_SYNTAX_PRIORITY = 800;
    public static final int VERSION_PRIORITY = 900;
    public static final int AUTHENTICATION_PRIORITY = 1000;

    private XapiPaths() {
    }

    /**
     * True for a request to an xAPI resource. Decided on the decoded path segments, without matrix
     * parameters or empty segments, so {@code /xapi;x//statements} is as much xAPI as {@code /xapi/statements}.
     */
    public static boolean isXapi(UriInfo uri) {
        List<String> segments = segments(uri);
        return !segments.isEmpty() && segments.get(0).equals(ROOT);
    }

    /** The About resource answers without version header or credentials (1.0.3 Communication §2.8). */
    public static boolean isAbout(UriInfo uri) {
        List<String> segments = segments(uri);
        return segments.size() == 2 && segments.get(0).equals(ROOT) && segments.get(1).equals("about");
    }

    private static List<String> segments(UriInfo uri) {
        return uri.getPathSegments(true).stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
    }
}
