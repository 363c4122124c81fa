package org.learninghub.connect.lti.login;

import java.time.Duration;

/**
 * The cookie that binds a login's state to the browser. Launches arrive by cross-site POST inside LMS
 * iframes, so it must be {@code SameSite=None; Secure}; it is HttpOnly and limited to {@code /lti/}.
 */
public final class StateCookie {

    static final String PATH = "/lti/";

    private StateCookie() {
    }

    public static String set(String state, Duration ttl) {
        return LoginState.cookieName(state) + "=" + state + "; Path=" + PATH + "; Max-Age=" + ttl.toSeconds()
                + "; Secure; HttpOnly; SameSite=None";
    }

    public static String clear(String state) {
        return LoginState.cookieName(state) + "=; Path=" + PATH + "; Max-Age=0; Secure; HttpOnly; SameSite=None";
    }
}
