package org.learninghub.connect.lti.page;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * LMSs show the tool's pages inside an iframe. Payara adds {@code X-Frame-Options: SAMEORIGIN} to every
 * response, which would blank the launch in the LMS; a CSP {@code frame-ancestors} directive names who may
 * frame the tool instead, and browsers with CSP Level 2 (all current ones) then ignore X-Frame-Options.
 * Who may is the LMS of the registration the request belongs to ({@link FrameAncestors}), unless an
 * operator fixed one list for every page ({@code hub.lti.frame.ancestors}).
 */
@Provider
public class FramingHeaders implements ContainerResponseFilter {

    @Inject
    LtiSettings settings;

    @Inject
    FrameAncestors ancestors;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Decided on the decoded segments without matrix parameters, so every spelling of an /lti/ page gets it.
        if (request.getUriInfo().getPathSegments(true).stream().map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty()).findFirst().filter("lti"::equals).isPresent()) {
            String sources = settings.frameAncestors().orElseGet(ancestors::sources);
            // A page with its own policy (e.g. the registration page's script hash) keeps it, framing added.
            Object own = response.getHeaders().getFirst("Content-Security-Policy");
            String framing = "frame-ancestors " + sources;
            response.getHeaders().putSingle("Content-Security-Policy", own == null ? framing : own + "; " + framing);
        }
    }
}
