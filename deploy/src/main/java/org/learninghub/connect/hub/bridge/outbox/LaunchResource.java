package org.learninghub.connect.hub.bridge.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trusts;

/** Admin API: a trust's launch sessions (attempts) with their outcome and passback status. */
@Path("admin/api/launches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class LaunchResource {

    @Inject
    LaunchReports reports;

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    @GET
    public Map<String, Object> list(@QueryParam("trust") String trust, @QueryParam("resource") String resource,
                                    @QueryParam("since") String since, @QueryParam("before") String before,
                                    @QueryParam("limit") String limit) {
        if (trust == null) {
            // A trust-admin's launches are those of its trust: the parameter may be left out.
            trust = callerTrusts.onlyTrust().orElse(null);
        }
        if (trust == null || trust.isBlank()) {
            throw HubProblem.badRequest("trust", "the trust code is required");
        }
        callerTrusts.requireAccess(trust);
        long tenant = trusts.require(trust).id();
        Optional<UUID> resourceId = Optional.ofNullable(resource).map(LaunchResource::uuid);
        Optional<Instant> from = Optional.ofNullable(since).map(s -> instant("since", s));
        Optional<Instant> below = Optional.ofNullable(before).map(s -> instant("before", s));
        int size = Paging.limit(limit, 50, OutboxResource.MAX_LIMIT);
        List<LaunchReport> page = reports.list(tenant, resourceId, from, below, size + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("launches", page.stream().limit(size).map(LaunchReport::view).toList());
        if (page.size() > size) {
            body.put("next", page.get(size - 1).started().toString());
        }
        return body;
    }

    private static UUID uuid(String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest("resource", "a resource id (UUID)");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            if (value.length() > 40) {
                throw new DateTimeParseException("too long", value, 0);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw HubProblem.badRequest(field, "an ISO 8601 date-time with offset, e.g. 2026-03-01T10:00:00Z");
        }
    }
}
