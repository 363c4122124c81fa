package org.learninghub.connect.hub.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.learninghub.connect.lti.registration.ToolEndpoints;

/** Admin API for a trust's LMS platform registrations: create, list, read, replace, disable, enable. */
@Path("admin/api/trusts/{code}/platforms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class PlatformResource {

    @Inject
    Platforms platforms;

    @Inject
    CallerTrusts callerTrusts;

    @Inject
    ToolEndpoints endpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("code") String code, PlatformInput input, @Context UriInfo uri) {
        callerTrusts.requireAccess(code);
        Platform platform = platforms.create(code, required(input));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(platform.id())).build())
                .entity(view(platform, code))
                .build();
    }

    @GET
    public List<PlatformView> list(@PathParam("code") String code) {
        callerTrusts.requireAccess(code);
        return platforms.list(code).stream().map(p -> view(p, code)).toList();
    }

    @GET
    @Path("{id}")
    public PlatformView get(@PathParam("code") String code, @PathParam("id") long id) {
        callerTrusts.requireAccess(code);
        return view(platforms.require(code, id), code);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlatformView update(@PathParam("code") String code, @PathParam("id") long id, PlatformInput input) {
        callerTrusts.requireAccess(code);
        return view(platforms.update(code, id, required(input)), code);
    }

    /** Stops launches through this registration at once; its data stays for an audit or an enable. */
    @POST
    @Path("{id}/disable")
    public PlatformView disable(@PathParam("code") String code, @PathParam("id") long id) {
        callerTrusts.requireAccess(code);
        return view(platforms.setStatus(code, id, Platform.Status.DISABLED), code);
    }

    @POST
    @Path("{id}/enable")
    public PlatformView enable(@PathParam("code") String code, @PathParam("id") long id) {
        callerTrusts.requireAccess(code);
        return view(platforms.setStatus(code, id, Platform.Status.ACTIVE), code);
    }

    private PlatformView view(Platform platform, String code) {
        return PlatformView.of(platform, code, endpoints.urls(), platforms.lti11ConsumerKey(platform.id()));
    }

    private static PlatformInput required(PlatformInput input) {
        if (input == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"issuer\":…, \"clientId\":…, \"deploymentIds\":[…],"
                    + " \"authLoginUrl\":…, \"accessTokenUrl\":…, \"jwksUrl\":…} is required");
        }
        return input;
    }
}
