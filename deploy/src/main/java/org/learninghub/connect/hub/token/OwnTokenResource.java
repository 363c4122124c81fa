package org.learninghub.connect.hub.token;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.HubRoles;

/** {@code /admin/api/account/tokens}: the signed-in administrator's own API tokens, whatever its role. */
@Path("admin/api/account/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class OwnTokenResource {

    @Inject
    ApiTokens tokens;

    /** 201 with the token's value: shown this once, never again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(NewApiToken request, @Context SecurityContext caller) {
        IssuedToken issued = tokens.issue(caller.getUserPrincipal().getName(), request);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public Map<String, List<ApiTokenView>> list(@Context SecurityContext caller) {
        return Map.of("tokens", tokens.list(caller.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext caller) {
        if (!tokens.revoke(caller.getUserPrincipal().getName(), TokenIds.parse(id))) {
            throw HubProblem.notFound("token " + id);
        }
        return Response.noContent().build();
    }
}
