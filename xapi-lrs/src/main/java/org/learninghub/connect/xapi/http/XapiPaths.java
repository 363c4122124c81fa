package org.learninghub.connect.xapi.http;

/** The LRS's place in the server's URL space, and the order of its request filters. */
public final class XapiPaths {

    /** Every xAPI resource lives under this path segment. */
    public static final String ROOT = "xapi";

    /** Filters run in this order (lower first): CORS preflight, alternate syntax, version, authentication. */
    public static final int CORS_PRIORITY = 700;
    public static final int ALTERNATE_SYNTAX_PRIORITY = 800;
    public static final int VERSION_PRIORITY = 900;
    public static final int AUTHENTICATION_PRIORITY = 1000;

    private XapiPaths() {
    }

    /** True for a JAX-RS relative path (no leading slash) of an xAPI resource. */
    public static boolean isXapi(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(ROOT) || p.startsWith(ROOT + "/");
    }

    /** The About resource answers without version header or credentials (1.0.3 Communication §2.8). */
    public static boolean isAbout(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(ROOT + "/about") || p.equals(ROOT + "/about/");
    }
}
