package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * The Activity Profile resource, {@code /xapi/activities/profile}.
 * 1.0.3 Communication §2.7: documents about an Activity.
 */
@Path("xapi/activities/profile")
@ApplicationScoped
public class ActivityProfileResource extends DocumentResource {

    @Override
    protected DocumentKind kind() {
        return DocumentKind.ACTIVITY_PROFILE;
    }
}
