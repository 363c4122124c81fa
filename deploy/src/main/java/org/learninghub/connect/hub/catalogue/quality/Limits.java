package org.learninghub.connect.hub.catalogue.quality;

/**
 * The bounds of every catalogue field: column sizes of {@code catalogue_resource} (V40) and the practice limits
 * the migrations taught. Checked before any other rule, so no later rule looks at an unbounded value.
 */
public final class Limits {

    public static final int TITLE = 250;
    public static final int TITLE_SHORTEST = 10;
    public static final int TITLE_LONGEST = 120;
    public static final int DESCRIPTION = 4000;
    public static final int KEYWORD = 50;
    public static final int KEYWORDS_MAX = 20;
    public static final int URL = 2048;
    public static final int VERSION = 50;
    public static final int SOURCE = 40;
    public static final int SOURCE_ID = 200;
    public static final int AUDIENCE = 500;
    public static final int AUDIENCE_ROLE = 100;
    public static final int LICENCE = 200;
    public static final int COMMENTS = 4000;
    public static final double SCORE_MAXIMUM = 1_000_000;

    private Limits() {
    }
}
