package org.learninghub.connect.xapi.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

/**
 * Cross-origin access for browser content: e-learning served from another origin posts statements and
 * state with an explicit {@code Authorization} header (never cookies), so any origin may call, and
 * preflight requests are answered before authentication, which they cannot pass. A credential restricted to
 * launched content is answered only on the content's origin ({@link org.learninghub.connect.xapi.auth.Restriction}).
 */
@Provider
@PreMatching
@Priority(XapiPaths.CORS_PRIORITY)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Experience-API-Version, "
            + "If-Match, If-None-Match, Accept-Language, X-Requested-With";
    static final String EXPOSED_HEADERS = "ETag, Last-Modified, Location, X-Experience-API-Version, "
            + "X-Experience-API-Consistent-Through, Content-Type";
    static final String PREFLIGHT_CACHE_SECONDS = "86400";

    @Override
    public void filter(ContainerRequestContext request) {
        if (XapiPaths.isXapi(request.getUriInfo())
                && HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !XapiPaths.isXapi(request.getUriInfo())) {
            return;
        }
        // A credential confined to launched content answers only the content's own origin: a page elsewhere that
        // learned the credential cannot read what it sends.
        if (request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof LrsPrincipal principal
                && principal.restriction().map(r -> !r.allowsOrigin(origin)).orElse(false)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
}
