package org.learninghub.connect.hub.bridge.rejection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.bridge.outbox.Paging;

/** Admin API: what the LRS refused to the content of one launch session (every credential of the attempt). */
@Path("admin/api/launches/{registration}/rejections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class RejectionResource {

    @Inject
    RejectionLog log;

    @Inject
    CallerTrusts callerTrusts;

    @GET
    public Map<String, Object> list(@PathParam("registration") String registration, @QueryParam("limit") String limit) {
        UUID id = registration(registration);
        // Another trust's launch is answered as one that does not exist.
        if (!log.trustOf(id).map(callerTrusts::mayAccess).orElse(false)) {
            throw HubProblem.notFound("launch " + id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registration", id.toString());
        body.put("rejections", log.of(id, Paging.limit(limit, 50, 1000)).stream().map(Rejection::view).toList());
        return body;
    }

    private static UUID registration(String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest("registration", "a launch's registration (UUID)");
        }
    }
}
