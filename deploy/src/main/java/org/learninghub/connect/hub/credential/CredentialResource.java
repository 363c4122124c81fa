package org.learninghub.connect.hub.credential;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;

/** Admin API for a trust's LRS credentials. */
@Path("admin/api/trusts/{code}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class CredentialResource {

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    @Inject
    LrsCredentials credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("code") String code, NewCredential request, @Context UriInfo uri) {
        callerTrusts.requireAccess(code);
        if (request == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"name\":…, \"scopes\":[…]} is required");
        }
        CredentialView issued = credentials.issue(trusts.require(code), request);
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key()).build()).entity(issued).build();
    }

    @GET
    public List<CredentialView> list(@PathParam("code") String code) {
        callerTrusts.requireAccess(code);
        return credentials.usable(trusts.require(code));
    }

    @DELETE
    @Path("{key}")
    public Response revoke(@PathParam("code") String code, @PathParam("key") String key) {
        callerTrusts.requireAccess(code);
        Trust trust = trusts.require(code);
        credentials.revoke(trust, key);
        return Response.noContent().build();
    }
}
