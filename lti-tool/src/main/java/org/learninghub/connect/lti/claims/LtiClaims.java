package org.learninghub.connect.lti.claims;

/**
 * Claim names of LTI 1.3 messages. The base URIs are defined in
 * <a href="https://www.imsglobal.org/spec/lti/v1p3/#required-message-claims">LTI Core 1.3 §5.3</a>,
 * <a href="https://www.imsglobal.org/spec/lti-dl/v2p0/#deep-linking-request-message">Deep Linking 2.0 §4.4</a>,
 * <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#assignment-and-grade-service-claim">AGS 2.0 §3.1</a> and
 * <a href="https://www.imsglobal.org/spec/lti-nrps/v2p0/#lti-1-3-integration">NRPS 2.0 §3.6.1</a>.
 */
public final class LtiClaims {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** LTI Core §5.3.1. */
    public static final String MESSAGE_TYPE = LTI + "message_type";
    /** LTI Core §5.3.2; must be {@link #VERSION_1_3_0}. */
    public static final String VERSION = LTI + "version";
    /** LTI Core §5.3.3. */
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    /** LTI Core §5.3.4. */
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    /** LTI Core §5.3.5. */
    public static final String RESOURCE_LINK = LTI + "resource_link";
    /** LTI Core §5.3.7. */
    public static final String ROLES = LTI + "roles";
    /** LTI Core §5.4.1. */
    public static final String CONTEXT = LTI + "context";
    /** LTI Core §5.4.2. */
    public static final String TOOL_PLATFORM = LTI + "tool_platform";
    /** LTI Core §5.4.3. */
    public static final String ROLE_SCOPE_MENTOR = LTI + "role_scope_mentor";
    /** LTI Core §5.4.4. */
    public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    /** LTI Core §5.4.5. */
    public static final String LIS = LTI + "lis";
    /** LTI Core §5.4.6. */
    public static final String CUSTOM = LTI + "custom";

    /** Deep Linking §4.4.1. */
    public static final String DEEP_LINKING_SETTINGS = DL + "deep_linking_settings";
    /** Deep Linking §4.5.1: the content items of a response. */
    public static final String CONTENT_ITEMS = DL + "content_items";
    /** Deep Linking §4.5.2: the request's {@code data}, echoed unchanged. */
    public static final String DATA = DL + "data";
    /** Deep Linking §4.5.4. */
    public static final String MSG = DL + "msg";
    /** Deep Linking §4.5.6. */
    public static final String ERROR_MSG = DL + "errormsg";

    /** AGS §3.1. */
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    /** NRPS §3.6.1. */
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    /** LTI Core §5.3.2. */
    public static final String VERSION_1_3_0 = "1.3.0";
    /** LTI Core §5.3.1: a resource link launch. */
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    /** Deep Linking §4.4: a request to pick content. */
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    /** Deep Linking §4.5: the tool's answer with the picked content. */
    public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

    /** Deep Linking §3.1: the content item type this tool returns. */
    public static final String LTI_RESOURCE_LINK_TYPE = "ltiResourceLink";

    private LtiClaims() {
    }
}
