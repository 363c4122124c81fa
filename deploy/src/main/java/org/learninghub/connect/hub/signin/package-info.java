/**
 * Sign-in of people through the trust's OpenID Connect identity provider (authorization code flow with PKCE)
 * and their browser sessions: {@code /signin}, {@code /signin/callback}, {@code /signout},
 * {@code /admin/api/session}. The container's one authentication mechanism
 * ({@link org.learninghub.connect.hub.security.HubAuthenticationMechanism}) accepts a session through
 * {@link org.learninghub.connect.hub.security.BrowserSessions}, implemented here by {@link Sessions}.
 */
package org.learninghub.connect.hub.signin;
