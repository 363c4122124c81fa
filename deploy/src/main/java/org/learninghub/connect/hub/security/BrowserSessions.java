package org.learninghub.connect.hub.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser sessions of people signed in through the identity provider, as the authentication mechanism
 * sees them: the verdict on a request's session cookie. Implemented by the sign-in feature
 * ({@code hub.signin}), so this package does not depend on it.
 */
public interface BrowserSessions {

    /** The cookie that carries a browser session's id. */
    String COOKIE = "hub_session";

    /** The request header an unsafe request made with a session must carry: the session's CSRF token. */
    String CSRF_HEADER = "X-CSRF-Token";

    /** The verdict on this request's session cookie; {@link SessionCheck.Verdict#NONE} without one. */
    SessionCheck check(HttpServletRequest request);
}
