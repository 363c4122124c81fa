package org.learninghub.connect.hub.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;

/**
 * Bounds every request body by the limit of its {@link BodyFamily}, chosen from the resource the request matched
 * (so it runs after matching, and before the body is read, which happens only when the resource method is
 * called): a {@code Content-Length} above the limit is refused at once; any other body is read through a
 * {@link BoundedInputStream}, ahead of the resource for the small form bodies, as it streams otherwise.
 *
 * <p>A body found too large while it streams fails inside whatever reads it. Where the failure reaches the
 * runtime as it is, {@link BodyTooLargeMapper} answers it; where a reader turns it into something else (a
 * resource's 400 for an unreadable body, a Jackson mapping error), the response side of this filter replaces
 * that answer with the family's 413, so the client always learns the actual reason.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Request property: the family whose limit the body exceeded while being read. */
    static final String EXCEEDED = BodyLimitFilter.class.getName() + ".exceeded";
    private static final String CONNECTION = "Connection";

    @Context
    ResourceInfo resource;

    @Inject
    BodyLimits limits;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Class<?> matched = resource.getResourceClass();
        if (matched == null) {
            return;
        }
        BodyFamily family = BodyFamily.of(matched, contentType(request));
        long limit = limits.bytes(family);
        long declared = declaredLength(request);
        if (declared > limit) {
            // Refused unread; a body at most twice the limit is dropped first (see BoundedInputStream.discard).
            if (declared <= 2 * limit) {
                BoundedInputStream.discard(request.getEntityStream(), declared);
            }
            request.abortWith(tooLarge(family, limit));
            return;
        }
        InputStream bounded = new BoundedInputStream(request.getEntityStream(), family, limit,
                () -> request.setProperty(EXCEEDED, family));
        if (family.readAhead()) {
            try {
                bounded = new ByteArrayInputStream(bounded.readAllBytes());
            } catch (BodyTooLargeException e) {
                request.abortWith(tooLarge(family, limit));
                return;
            }
        }
        request.setEntityStream(bounded);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(EXCEEDED) instanceof BodyFamily family) {
            Response tooLarge = tooLarge(family, limits.bytes(family));
            response.setStatusInfo(tooLarge.getStatusInfo());
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.getHeaders().putSingle(CONNECTION, "close");
            response.setEntity(tooLarge.getEntity(), new Annotation[0], tooLarge.getMediaType());
        }
    }

    /**
     * The refusal, with {@code Connection: close}: the rest of the body is never read, so the connection cannot
     * carry another request.
     */
    static Response tooLarge(BodyFamily family, long limit) {
        return Response.fromResponse(family.shape().tooLarge(family.rule(limit)))
                .header(CONNECTION, "close")
                .build();
    }

    /** The declared length; -1 when absent (chunked) or not a number, which the container itself refuses. */
    private static long declaredLength(ContainerRequestContext request) {
        String value = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The media type as sent, read from the header (a malformed one is for the resource to refuse). */
    private static jakarta.ws.rs.core.MediaType contentType(ContainerRequestContext request) {
        String value = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (value == null) {
            return null;
        }
        try {
            return jakarta.ws.rs.core.MediaType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
