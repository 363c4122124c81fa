package org.learninghub.connect.hub.trust;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;

/** Admin API for trusts (tenants): a trust-admin sees its own trust only; creating trusts is for hub-admins. */
@Path("admin/api/trusts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class TrustResource {

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    @POST
    @RolesAllowed(HubRoles.HUB_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTrust request, @Context UriInfo uri) {
        if (request == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"code\":…, \"name\":…} is required");
        }
        Trust trust = trusts.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(trust.code()).build())
                .entity(TrustView.of(trust))
                .build();
    }

    @GET
    public List<TrustView> list() {
        return trusts.all().stream().filter(t -> callerTrusts.mayAccess(t.code())).map(TrustView::of).toList();
    }

    @GET
    @Path("{code}")
    public TrustView get(@PathParam("code") String code) {
        callerTrusts.requireAccess(code);
        return TrustView.of(trusts.require(code));
    }

    /** Trust settings ({@link TrustSettings}); PATCH cannot be sent cross-site without a preflight. */
    @PATCH
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TrustView change(@PathParam("code") String code, TrustSettings settings) {
        callerTrusts.requireAccess(code);
        if (settings == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"learnerIdentity\":\"pseudonymous\"|\"named\"} is required");
        }
        return TrustView.of(trusts.change(code, settings));
    }
}
