package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * The State resource, {@code /xapi/activities/state}.
 * 1.0.3 Communication §2.3: per-learner, per-activity scratch data such as bookmarks and suspend data.
 */
@Path("xapi/activities/state")
@ApplicationScoped
public class StateResource extends DocumentResource {

    @Override
    protected DocumentKind kind() {
        return DocumentKind.STATE;
    }
}
