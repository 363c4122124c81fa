package org.learninghub.connect.hub.registration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learninghub.connect.lti.settings.LtiSettings;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * {@code POST /admin/api/trusts/{code}/registration-links}: a one-time link an LMS administrator pastes
 * into the LMS's dynamic registration screen; the platform it registers belongs to this trust. The POST
 * must name a JSON content type (the admin cross-site guard), even without a body.
 */
@Path("admin/api/trusts/{code}/registration-links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class RegistrationLinkResource {

    @Inject
    RegistrationLinks links;

    @Inject
    LtiSettings settings;

    @Inject
    CallerTrusts callerTrusts;

    @POST
    public Response issue(@PathParam("code") String code) {
        callerTrusts.requireAccess(code);
        RegistrationLinks.Issued issued = links.issue(code);
        // Under the public URL as it is (it may have a path), like every other tool URL.
        String url = settings.publicUrl() + "/lti/register/" + issued.token();
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(new RegistrationLinkView(url, issued.expires()))
                .build();
    }
}
