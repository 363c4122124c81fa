package org.learninghub.connect.hub.security;

import java.time.Instant;

/**
 * What a request's session cookie says: no session, a session that has ended (unknown, idle, too old, or
 * its account disabled: one answer, so nothing tells which), a live session whose unsafe request lacks the
 * CSRF token, or a live session and its administrator.
 */
public record SessionCheck(Verdict verdict, SignedIn session) {

    public enum Verdict { NONE, ENDED, CSRF_REFUSED, VALID }

    /** A live session: its administrator and what the session-info answer shows. */
    public record SignedIn(AdminCaller caller, String csrfToken, Instant created, Instant idleUntil,
                           Instant absoluteUntil) {
        /** The request attribute the mechanism leaves a live session in, for the session-info resource. */
        public static final String REQUEST_ATTRIBUTE = SignedIn.class.getName();
    }

    public static final SessionCheck NONE = new SessionCheck(Verdict.NONE, null);
    public static final SessionCheck ENDED = new SessionCheck(Verdict.ENDED, null);
    public static final SessionCheck CSRF_REFUSED = new SessionCheck(Verdict.CSRF_REFUSED, null);

    public static SessionCheck valid(SignedIn session) {
        return new SessionCheck(Verdict.VALID, session);
    }
}
