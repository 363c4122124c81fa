package org.learninghub.connect.hub.bridge.rights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.hub.bridge.outbox.Paging;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trusts;

/**
 * Admin API: a trust's erasure audit, newest first: who asked, when, for which learner (issuer and SHA-256 of the
 * sub, all the audit keeps), dry run or not, and the counts. Nothing here names a learner the audit does not.
 */
@Path("admin/api/trusts/{code}/erasures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class ErasureResource {

    static final int MAX_LIMIT = 200;

    @Inject
    Trusts trusts;

    @Inject
    ErasureAudit audit;

    @Inject
    CallerTrusts callerTrusts;

    /** {@code next} is the {@code before} value of the following page (absent on the last). */
    @GET
    public Map<String, Object> list(@PathParam("code") String code, @QueryParam("before") String before,
                                    @QueryParam("limit") String limit) {
        callerTrusts.requireAccess(code);
        int size = Paging.limit(limit, 50, MAX_LIMIT);
        Optional<Long> below = Paging.positive("before", before);
        long tenant = trusts.require(code).id();
        List<Map<String, Object>> page = audit.list(tenant, below, size + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erasures", page.subList(0, Math.min(size, page.size())));
        if (page.size() > size) {
            body.put("next", page.get(size - 1).get("id"));
        }
        return body;
    }
}
