package org.learninghub.connect.xapi.document;

import org.learninghub.connect.xapi.auth.Scope;

/**
 * The three Document resources. They share storage and concurrency rules and differ only in what names a
 * document: State needs an Activity, an Agent and optionally a registration; a profile needs one of the two.
 */
public enum DocumentKind {
    /** 1.0.3 Communication §2.3, {@code activities/state}. */
    STATE("state", "stateId", Scope.STATE, true, true),
    /** 1.0.3 Communication §2.7, {@code activities/profile}. */
    ACTIVITY_PROFILE("activity_profile", "profileId", Scope.PROFILE, true, false),
    /** 1.0.3 Communication §2.6, {@code agents/profile}. */
    AGENT_PROFILE("agent_profile", "profileId", Scope.PROFILE, false, true);

    public static final String ACTIVITY_ID = "activityId";
    public static final String AGENT = "agent";
    public static final String REGISTRATION = "registration";
    public static final String SINCE = "since";

    private final String storedName;
    private final String idParameter;
    private final Scope scope;
    private final boolean hasActivity;
    private final boolean hasAgent;

    DocumentKind(String storedName, String idParameter, Scope scope, boolean hasActivity, boolean hasAgent) {
        this.storedName = storedName;
        this.idParameter = idParameter;
        this.scope = scope;
        this.hasActivity = hasActivity;
        this.hasAgent = hasAgent;
    }

    /** The value of the {@code kind} column. */
    public String storedName() {
        return storedName;
    }

    /** {@code stateId} or {@code profileId}. */
    public String idParameter() {
        return idParameter;
    }

    /** The credential scope that grants access (1.0.3 Communication §4.2). */
    public Scope scope() {
        return scope;
    }

    public boolean hasActivity() {
        return hasActivity;
    }

    public boolean hasAgent() {
        return hasAgent;
    }

    /** Only State documents belong to a registration. */
    public boolean hasRegistration() {
        return this == STATE;
    }

    /** Only the State resource deletes every document of a context at once (1.0.3 Communication §2.3). */
    public boolean deletesAll() {
        return this == STATE;
    }
}
