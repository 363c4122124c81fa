package org.learninghub.connect.xapi.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiExceptionMapper;
import org.learninghub.connect.xapi.http.XapiPaths;

/**
 * 1.0.3 Communication §4: every xAPI request except About is authenticated, here with HTTP Basic
 * (RFC 7617) against the {@link CredentialStore}. Matching on the path, not an annotation, means no
 * xAPI resource can forget it.
 */
@Provider
@PreMatching
@Priority(XapiPaths.AUTHENTICATION_PRIORITY)
public class LrsAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"xAPI\"";

    @Inject
    CredentialStore credentials;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!XapiPaths.isXapi(path) || XapiPaths.isAbout(path) || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Optional<LrsPrincipal> principal = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> credentials.authenticate(c.username(), c.password()));
        if (principal.isEmpty()) {
            request.abortWith(Response.fromResponse(XapiExceptionMapper.response(new XapiException(
                            Response.Status.UNAUTHORIZED, "Authorization",
                            "valid HTTP Basic credentials of an LRS credential are required")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .build());
            return;
        }
        request.setSecurityContext(new Context(principal.get(), request.getUriInfo().getRequestUri().getScheme()));
    }

    private record Context(LrsPrincipal principal, String scheme) implements SecurityContext {
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
