package org.learninghub.connect.hub.limits;

import jakarta.ws.rs.core.MediaType;

/**
 * The endpoint families whose request bodies have one size limit each, decided by the package of the resource
 * class the request matched (not by its path, so every spelling of a path the router accepts is covered), and
 * for statements by the media type: a multipart/mixed statement request carries attachments.
 */
public enum BodyFamily {

    /** {@code PUT}/{@code POST /xapi/statements} with {@code application/json}. */
    STATEMENTS("hub.limit.statements.bytes", 8L << 20, ErrorShape.XAPI, "statements", false),
    /** The same with {@code multipart/mixed}: statements and their attachments' contents. */
    ATTACHMENTS("hub.limit.attachments.bytes", 64L << 20, ErrorShape.XAPI, "statements with attachments", false),
    /** State, Activity Profile and Agent Profile documents. */
    DOCUMENTS("hub.limit.documents.bytes", 16L << 20, ErrorShape.XAPI, "documents", false),
    /** The other xAPI resources (About, Activities, Agents) take no body; a small one is tolerated. */
    XAPI_OTHER(null, 64L << 10, ErrorShape.XAPI, "this resource", false),
    /**
     * LTI forms ({@code /lti/login}, {@code /lti/launch}, deep-link answers): an id_token is a few KB. Read ahead:
     * the runtime buffers form bodies itself and lets a failed read escape as a 500, so the (small) body is read
     * within its limit before the runtime sees it. Also the Hub's own HTML forms (the password sign-in).
     */
    FORMS("hub.limit.forms.bytes", 64L << 10, ErrorShape.LTI, "forms", true),
    /** The admin API's JSON bodies. */
    ADMIN("hub.limit.admin.bytes", 1L << 20, ErrorShape.ADMIN, "the admin API", false),
    /** Catalogue imports: a whole platform's metadata as CSV or a JSON array (10 000 rows are a few MiB). */
    IMPORTS("hub.limit.imports.bytes", 32L << 20, ErrorShape.ADMIN, "catalogue imports", false);

    private static final String XAPI = "org.learninghub.connect.xapi";
    private static final String STATEMENT = XAPI + ".statement";
    private static final String DOCUMENT = XAPI + ".document";
    private static final String LTI = "org.learninghub.connect.lti";
    private static final String HUB = "org.learninghub.connect.hub";
    private static final String IMPORTING = HUB + ".catalogue.importing";
    private static final MediaType MULTIPART_MIXED = new MediaType("multipart", "mixed");

    private final String key;
    private final long defaultBytes;
    private final ErrorShape shape;
    private final String what;
    private final boolean readAhead;

    BodyFamily(String key, long defaultBytes, ErrorShape shape, String what, boolean readAhead) {
        this.key = key;
        this.defaultBytes = defaultBytes;
        this.shape = shape;
        this.what = what;
        this.readAhead = readAhead;
    }

    /**
     * The family of a request that matched {@code resource}; a resource outside the Hub's own packages gets the
     * smallest limit, so nothing is unbounded by omission.
     */
    public static BodyFamily of(Class<?> resource, MediaType type) {
        String pkg = resource.getPackageName();
        if (within(pkg, STATEMENT)) {
            return type != null && type.isCompatible(MULTIPART_MIXED) ? ATTACHMENTS : STATEMENTS;
        }
        if (within(pkg, DOCUMENT)) {
            return DOCUMENTS;
        }
        if (within(pkg, XAPI)) {
            return XAPI_OTHER;
        }
        if (within(pkg, LTI)) {
            return FORMS;
        }
        if (within(pkg, IMPORTING)) {
            return IMPORTS;
        }
        if (within(pkg, HUB)) {
            return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) ? FORMS : ADMIN;
        }
        return XAPI_OTHER;
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The MicroProfile Config key of the limit, or empty for a fixed one. */
    public java.util.Optional<String> key() {
        return java.util.Optional.ofNullable(key);
    }

    public long defaultBytes() {
        return defaultBytes;
    }

    /** Whether the whole (bounded) body is read before the resource is called, rather than streamed. */
    boolean readAhead() {
        return readAhead;
    }

    ErrorShape shape() {
        return shape;
    }

    /** The rule as the 413 states it. */
    String rule(long limit) {
        return "the request body is larger than the " + limit + " bytes accepted for " + what
                + (key == null ? "" : " (setting " + key + ")");
    }
}
