package org.learninghub.connect.lti.ags;

import java.util.Set;

/** AGS 2.0 §3.1 scopes and §3.2–3.5 media types. */
public final class AgsScopes {

    /** Read, create, change and delete line items. */
    public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    /** Read line items only. */
    public static final String LINE_ITEM_READ_ONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    /** Read results. */
    public static final String RESULT_READ_ONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    /** Post scores. */
    public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final Set<String> ALL = Set.of(LINE_ITEM, LINE_ITEM_READ_ONLY, RESULT_READ_ONLY, SCORE);

    /** §3.2.5. */
    public static final String LINE_ITEM_CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    /** §3.2.6. */
    public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    /** §3.4. */
    public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    /** §3.5. */
    public static final String RESULT_CONTAINER_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

    private AgsScopes() {
    }
}
