package org.learninghub.connect.hub.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.learninghub.connect.hub.api.ErrorBody;
import org.learninghub.connect.xapi.auth.BasicCredentials;

/**
 * Every request under {@code /admin/api/} must carry a Hub administrator's HTTP Basic credentials.
 * Matching on the path, not on an annotation, means a new admin resource cannot forget to be protected.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    static final String REALM = "Basic realm=\"Learning Hub Connect administration\"";

    @Inject
    AdminUsers adminUsers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("admin/")) {
            return;
        }
        boolean admitted = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> adminUsers.authenticate(c.username(), c.password()))
                .isPresent();
        if (!admitted) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("a Hub administrator's HTTP Basic credentials are required", "Authorization"))
                    .build());
        }
    }
}
