package org.learninghub.connect.hub.metrics;

/** Why a sign-in was refused: the value of the {@code kind} tag of {@code hub.login.failures}. */
public enum LoginFailure {
    /**
     * An administrator's user name and a wrong password (or an unknown user, or a disabled account): HTTP Basic on
     * the admin API, or the dashboard's sign-in form.
     */
    PASSWORD("password"),
    /** HTTP Basic with an LRS credential's key and a wrong secret (or an unknown, revoked or expired key), on /xapi. */
    CREDENTIAL("credential"),
    /** A browser session cookie that is unknown, ended or expired. */
    SESSION("session"),
    /** A personal API token (Bearer, admin API) that is unknown, expired or revoked, or whose account is disabled. */
    API_TOKEN("api-token"),
    /** A sign-in through the identity provider that the callback refused. */
    OIDC("oidc"),
    /** Refused unchecked: too many failed sign-ins for the user name or address (429). */
    THROTTLED("throttled");

    private final String tag;

    LoginFailure(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
