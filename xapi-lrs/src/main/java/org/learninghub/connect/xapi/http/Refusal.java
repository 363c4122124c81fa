package org.learninghub.connect.xapi.http;

/**
 * A request the LRS refused with a 4xx, as told to {@link RefusalListener}s: the status, the rule broken, the JSON
 * path or parameter at fault (null for the whole request), the method and path with query, and a bounded excerpt of
 * the request body (null when none was read). Never a header: the credential's secret is in one.
 */
public record Refusal(int status, String rule, String path, String method, String target, String excerpt) {

    /** The longest excerpt of a body a listener is given (characters). */
    public static final int MAX_EXCERPT = 1000;
    /** The longest target (path and query) and rule a listener is given (characters). */
    public static final int MAX_TEXT = 500;

    /**
     * The request attribute in which a resource leaves the JSON it read, so a refusal can quote it; the mapper cuts
     * it to {@link #MAX_EXCERPT}.
     */
    public static final String BODY_ATTRIBUTE = Refusal.class.getName() + ".body";

    public Refusal {
        rule = cut(rule, MAX_TEXT);
        method = cut(method, 10);
        path = cut(path, 200);
        target = cut(target, MAX_TEXT);
        excerpt = cut(excerpt, MAX_EXCERPT);
    }

    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
