package org.learninghub.connect.hub.security;

/** Too many password checks are running at once; the request is answered 503 with a short Retry-After. */
public final class SignInBusy extends RuntimeException {

    public SignInBusy() {
        super("too many sign-in attempts are being checked; retry shortly", null, false, false);
    }
}
