/**
 * Who may call what: the container authenticates every request to a constrained URL (web.xml) through
 * {@link org.learninghub.connect.hub.security.HubAuthenticationMechanism} and the identity stores of
 * administrators and LRS credentials; roles come from the container, never from matching path strings.
 */
package org.learninghub.connect.hub.security;
