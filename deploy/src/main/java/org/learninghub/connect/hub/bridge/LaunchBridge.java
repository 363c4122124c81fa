package org.learninghub.connect.hub.bridge;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.Catalogue;
import org.learninghub.connect.hub.catalogue.Resource;
import org.learninghub.connect.hub.launch.PlaceholderLaunchHandler;
import org.learninghub.connect.hub.metrics.HubMetrics;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.launch.LaunchHandler;
import org.learninghub.connect.lti.page.LtiProblem;

/**
 * What a resource link launch starts. A link carrying custom {@code hub_resource_id} of a published catalogue
 * resource starts (or resumes) an xAPI attempt and redirects the learner's browser to the content with the launch
 * parameters ({@link Attempts}); an unknown, retired or unpublished resource gets a 404 page; a link without the
 * parameter keeps the plain page of {@link PlaceholderLaunchHandler}.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class LaunchBridge implements LaunchHandler {

    static final String HUB_RESOURCE_ID = "hub_resource_id";

    @Inject
    Catalogue catalogue;

    @Inject
    PlaceholderLaunchHandler placeholder;

    @Inject
    Attempts attempts;

    @Inject
    HubMetrics metrics;

    @Override
    public Response handle(LaunchContext launch) {
        String wanted = launch.custom().get(HUB_RESOURCE_ID);
        if (wanted == null) {
            return placeholder.handle(launch);
        }
        Resource resource = resourceId(wanted).flatMap(catalogue::find).orElseThrow(() -> new LtiProblem(
                Response.Status.NOT_FOUND, "This link points to Hub content that does not exist."
                + " Ask the course's teacher to choose the content again."));
        if (!resource.isPublished()) {
            throw new LtiProblem(Response.Status.NOT_FOUND, "This Hub content (" + resource.title() + ") is "
                    + resource.status() + " and cannot be opened. Ask the course's teacher to choose other content.");
        }
        if (launch.subject().isEmpty()) {
            throw new LtiProblem(Response.Status.BAD_REQUEST, "This content records the learner's progress, so it"
                    + " cannot be opened by an anonymous launch. Open it from the course as a signed-in learner.");
        }
        if (launch.resourceLink().isEmpty()) {
            throw new LtiProblem(Response.Status.BAD_REQUEST, "The launch names no resource link.");
        }
        Response started = Response.seeOther(attempts.start(launch, resource)).build();
        metrics.launched();
        return started;
    }

    /** Resource ids as they travel in custom claims: a UUID, nothing else. */
    static Optional<UUID> resourceId(String id) {
        if (id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
