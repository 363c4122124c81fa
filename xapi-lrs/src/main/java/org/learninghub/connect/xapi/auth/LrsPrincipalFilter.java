package org.learninghub.connect.xapi.auth;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.learninghub.connect.xapi.http.XapiPaths;

/**
 * 1.0.3 Communication §4: every xAPI request except About is authenticated. The deploying application's
 * container does that (a security constraint over the xAPI URLs and an authentication mechanism that
 * checks the credential with its {@link CredentialStore}) before any of the LRS runs, and leaves the
 * {@link LrsPrincipal} in the request attribute {@link LrsPrincipal#REQUEST_ATTRIBUTE}. This filter only
 * hands it to the resources; a resource reached without one refuses with 401 ({@link LrsPrincipal#of}).
 */
@Provider
@PreMatching
@Priority(XapiPaths.AUTHENTICATION_PRIORITY)
public class LrsPrincipalFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (servletRequest != null
                && servletRequest.getAttribute(LrsPrincipal.REQUEST_ATTRIBUTE) instanceof LrsPrincipal principal) {
            request.setSecurityContext(new CallerContext(principal, request.getUriInfo().getRequestUri().getScheme()));
        }
    }

    private record CallerContext(LrsPrincipal principal, String scheme) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return Scope.parse(role).map(s -> principal.allows(s, false)).orElse(false);
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
