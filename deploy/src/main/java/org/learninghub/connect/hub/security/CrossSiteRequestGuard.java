package org.learninghub.connect.hub.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;
import org.learninghub.connect.hub.api.ErrorBody;

/**
 * Cross-site request forgery: a browser holding an administrator's Basic credentials sends them with a
 * form another site posts. Such a form can only carry the content types the Fetch standard lets through
 * without a CORS preflight (or none), and the Hub answers no preflight for its own API, so a POST to a Hub
 * resource must name any other type: JSON in practice; 415 otherwise. PUT and DELETE cannot be sent
 * cross-site without a preflight at all.
 *
 * <p>Applies to every resource of the Hub's own packages, matched by the router, so a new admin resource
 * is covered without anyone remembering to.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CrossSiteRequestGuard implements ContainerRequestFilter {

    static final String HUB_PACKAGE = "org.learninghub.connect.hub.";
    /** The Fetch standard's CORS-safelisted request content types: what a cross-site form can send. */
    static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().getName().startsWith(HUB_PACKAGE)) {
            return;
        }
        if (crossSiteSendable(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            request.abortWith(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("a request that changes anything must be sent as "
                            + MediaType.APPLICATION_JSON + " (even with no body), which a cross-site form cannot do",
                            HttpHeaders.CONTENT_TYPE))
                    .build());
        }
    }

    static boolean crossSiteSendable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return FORM_TYPES.contains(type);
    }
}
