package org.learninghub.connect.hub.bridge.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trusts;

/**
 * Admin API: one learner's data rights in one trust. The learner is named by the platform issuer, base64url-encoded
 * (an issuer is a URL; its slashes cannot travel in one path segment), and the LTI {@code sub}.
 */
@Path("admin/api/trusts/{code}/learners/{issuer}/{sub}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class LearnerRightsResource {

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    @Inject
    LearnerData data;

    @Inject
    ErasureAudit audit;

    @GET
    @Path("export")
    public Map<String, Object> export(@PathParam("code") String code, @PathParam("issuer") String issuer,
                                      @PathParam("sub") String sub) {
        return data.export(learner(code, issuer, sub));
    }

    /** {@code dryRun} is required: an erasure is never the default of a forgotten parameter. */
    @POST
    @Path("erase")
    @Transactional
    public Map<String, Object> erase(@PathParam("code") String code, @PathParam("issuer") String issuer,
                                     @PathParam("sub") String sub, @QueryParam("dryRun") String dryRun,
                                     @Context SecurityContext security) {
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw HubProblem.badRequest("dryRun", "is required: true (report what would go) or false (erase)");
        }
        Learner l = learner(code, issuer, sub);
        ErasureReport report = data.erase(l, Boolean.parseBoolean(dryRun));
        audit.record(l, security.getUserPrincipal().getName(), report);
        return report.view();
    }

    private Learner learner(String code, String issuer, String sub) {
        callerTrusts.requireAccess(code);
        long tenant = trusts.require(code).id();
        String iss;
        try {
            if (issuer.length() > 2800) {
                throw new IllegalArgumentException();
            }
            iss = new String(Base64.getUrlDecoder().decode(issuer), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest("issuer", "the platform issuer, base64url-encoded");
        }
        if (sub.length() > 255) {
            throw HubProblem.badRequest("sub", "an LTI sub of at most 255 characters");
        }
        return data.find(tenant, iss, sub).orElseThrow(() -> HubProblem.notFound("learner"));
    }
}
