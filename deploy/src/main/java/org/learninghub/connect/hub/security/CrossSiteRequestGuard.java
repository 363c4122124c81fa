package org.learninghub.connect.hub.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
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
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.hub.api.ErrorBody;

/**
 * Cross-site request forgery: a browser holding an administrator's Basic credentials sends them with a
 * form another site posts. Such a form can only carry the content types the Fetch standard lets through
 * without a CORS preflight (or none), and the Hub answers no preflight for its own API, so a POST to a Hub
 * resource must name any other type: JSON in practice; 415 otherwise. PUT and DELETE cannot be sent
 * cross-site without a preflight at all.
 *
 * <p>Applies to every resource of the Hub's own packages, matched by the router, so a new admin resource
 * is covered without anyone remembering to. The one kind of resource that takes a browser's own form post
 * ({@link SameOriginForm}: the password sign-in, where a cross-site post would sign a person into the
 * attacker's account) is instead refused unless the browser says the post comes from the Hub's own origin:
 * {@code Sec-Fetch-Site: same-origin}, or, from a browser that does not send that header, an {@code Origin}
 * equal to the Hub's public URL's. A client that sends neither is no browser (every current browser sends
 * {@code Origin} on a POST) and cannot be made to post by another site.
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

    @Inject
    @ConfigProperty(name = "hub.public.url")
    String publicUrl;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().getName().startsWith(HUB_PACKAGE)) {
            return;
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(SameOriginForm.class)) {
            if (!sameOrigin(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"), publicUrl)) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .entity(new ErrorBody("this form may only be posted from the Hub's own pages", "Origin"))
                        .build());
            }
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

    /** Whether a browser's post comes from the Hub's own pages, by what the browser says of it. */
    static boolean sameOrigin(String fetchSite, String origin, String publicUrl) {
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite);
        }
        if (origin == null) {
            return true;
        }
        return origin.equalsIgnoreCase(originOf(publicUrl));
    }

    /** scheme://host[:port] of a URL: what a browser sends as its Origin. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
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
