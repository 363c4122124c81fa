package org.learninghub.connect.hub.catalogue.importing;

import java.util.List;

/** The import template's columns, in template order (src/docs/catalogue.md describes each). */
public final class Columns {

    public static final String SOURCE_ID = "sourceId";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String KEYWORDS = "keywords";
    public static final String TYPE = "type";
    public static final String LAUNCH_URL = "launchUrl";
    public static final String ACTIVITY_ID = "activityId";
    public static final String VERSION = "version";
    public static final String OWNER_TRUST = "ownerTrust";
    public static final String AUDIENCE = "audience";
    public static final String LICENCE = "licence";
    public static final String GRADABLE = "gradable";
    public static final String SCORE_MAXIMUM = "scoreMaximum";

    public static final List<String> ALL = List.of(SOURCE_ID, TITLE, DESCRIPTION, KEYWORDS, TYPE, LAUNCH_URL,
            ACTIVITY_ID, VERSION, OWNER_TRUST, AUDIENCE, LICENCE, GRADABLE, SCORE_MAXIMUM);
    /** A file without these columns is refused as a whole (400), before any row is read. */
    public static final List<String> REQUIRED = List.of(SOURCE_ID, TITLE, LAUNCH_URL);
    /** Separator of several keywords, or audience roles, in one CSV cell. */
    public static final String LIST_SEPARATOR = ";";

    private Columns() {
    }
}
