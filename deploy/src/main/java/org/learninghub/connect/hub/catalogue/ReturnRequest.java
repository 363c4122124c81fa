package org.learninghub.connect.hub.catalogue;

import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.quality.Limits;

/** The body of {@code POST /admin/api/resources/{id}/return}: what the contributor should fix. */
public record ReturnRequest(String comments) {

    public ReturnRequest {
        if (comments == null || comments.isBlank()) {
            throw HubProblem.badRequest("comments", "are required: say what to fix");
        }
        if (comments.length() > Limits.COMMENTS) {
            throw HubProblem.badRequest("comments", "must be at most " + Limits.COMMENTS + " characters");
        }
    }
}
