package org.learninghub.connect.hub.bridge.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trusts;

/** Admin API: the score outbox, and putting a failed job back to pending. */
@Path("admin/api/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class OutboxResource {

    static final int MAX_LIMIT = 200;

    @Inject
    OutboxJobs jobs;

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    /** Newest first; {@code next} is the {@code before} value of the following page (absent on the last). */
    @GET
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("trust") String trust,
                                    @QueryParam("before") String before, @QueryParam("limit") String limit) {
        if (status != null && !OutboxJobs.STATUSES.contains(status)) {
            throw HubProblem.badRequest("status", "one of " + String.join(", ", OutboxJobs.STATUSES));
        }
        int size = Paging.limit(limit, 50, MAX_LIMIT);
        Optional<Long> below = Paging.positive("before", before);
        // A trust-admin sees its own trust's jobs only, whether or not it names the trust.
        String only = trust != null ? trust : callerTrusts.onlyTrust().orElse(null);
        if (only != null) {
            callerTrusts.requireAccess(only);
        }
        Optional<Long> tenant = Optional.ofNullable(only).map(code -> trusts.require(code).id());
        List<OutboxJob> page = jobs.list(Optional.ofNullable(status), tenant, below, size + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", page.stream().limit(size).map(OutboxResource::view).toList());
        if (page.size() > size) {
            body.put("next", page.get(size - 1).id());
        }
        return body;
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> retry(@PathParam("id") String id) {
        long job = Paging.positive("id", id).orElseThrow(() -> HubProblem.badRequest("id", "a positive job id"));
        String owner = jobs.trustOf(job).orElseThrow(() -> HubProblem.notFound("outbox job " + job));
        if (!callerTrusts.mayAccess(owner)) {
            throw HubProblem.notFound("outbox job " + job);
        }
        boolean retried = jobs.retry(job, Instant.now())
                .orElseThrow(() -> HubProblem.notFound("outbox job " + job));
        if (!retried) {
            throw HubProblem.conflict("status", "only a failed job can be retried");
        }
        return Map.of("id", job, "status", "pending");
    }

    static Map<String, Object> view(OutboxJob j) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", j.id());
        v.put("trust", j.trust());
        v.put("registration", j.registration().toString());
        v.put("outcome", j.outcome());
        v.put("statementId", j.statementId().toString());
        v.put("status", j.status());
        v.put("attempts", j.attempts());
        v.put("nextAttempt", j.nextAttempt().toString());
        v.put("lastError", j.lastError().orElse(null));
        v.put("created", j.created().toString());
        v.put("delivered", j.delivered().map(Instant::toString).orElse(null));
        return v;
    }
}
