package org.learninghub.connect.hub.bridge.rejection;

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
import org.learninghub.connect.hub.bridge.outbox.Paging;

/** Admin API: what the LRS refused to the content of one launch session (every credential of the attempt). */
@Path("admin/api/launches/{registration}/rejections")
@Produces(MediaType.APPLICATION_JSON)
public class RejectionResource {

    @Inject
    RejectionLog log;

    @GET
    public Map<String, Object> list(@PathParam("registration") String registration, @QueryParam("limit") String limit) {
        UUID id = registration(registration);
        if (!log.launched(id)) {
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
