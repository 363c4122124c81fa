package org.learninghub.connect.hub.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.lti.keys.KeyProtection;
import org.learninghub.connect.lti.keys.ToolKeyRing;
import org.learninghub.connect.lti.keys.ToolKeyStatus;

/**
 * {@code /admin/api/lti/keys}: the tool's key pairs (kids and dates only, never key material) and a rotation
 * on demand. A rotated-in key is published at once and signs after {@code hub.lti.keys.publish.ahead.hours}.
 */
@Path("admin/api/lti/keys")
@RolesAllowed(HubRoles.HUB_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ToolKeyResource {

    @Inject
    ToolKeyRing keys;

    @Inject
    KeyProtection protection;

    @GET
    public List<ToolKeyStatus> list() {
        return keys.status();
    }

    @POST
    @Path("rotate")
    public List<ToolKeyStatus> rotate() {
        if (!protection.status().ready()) {
            throw new HubProblem(Response.Status.SERVICE_UNAVAILABLE, null,
                    "the tool keys are unavailable: " + protection.status().reason());
        }
        keys.rotate();
        return keys.status();
    }
}
