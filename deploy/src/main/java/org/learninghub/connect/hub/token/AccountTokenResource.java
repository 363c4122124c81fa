package org.learninghub.connect.hub.token;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * {@code /admin/api/accounts/{username}/tokens}: any account's API tokens, for a hub-admin (unannotated: hub-admin
 * only) to list and revoke, e.g. when someone leaves. Issuing stays with the account itself.
 */
@Path("admin/api/accounts/{username}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AccountTokenResource {

    @Inject
    ApiTokens tokens;

    @GET
    public Map<String, List<ApiTokenView>> list(@PathParam("username") String username) {
        tokens.requireAccount(username);
        return Map.of("tokens", tokens.list(username));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("username") String username, @PathParam("id") String id) {
        tokens.requireAccount(username);
        if (!tokens.revoke(username, TokenIds.parse(id))) {
            throw HubProblem.notFound("token " + id);
        }
        return Response.noContent().build();
    }
}
