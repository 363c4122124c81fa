package org.learninghub.connect.hub.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.bridge.outbox.Paging;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;

/**
 * Admin API: the activity reports (src/docs/reporting.md), read from the roll-ups, as JSON or streamed CSV
 * ({@code ?format=csv} or {@code Accept: text/csv}). Every parameter is checked before the answer starts, so a bad
 * one is a 400 (or a 404 for an unknown trust or resource) naming it.
 */
@Path("admin/api/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class ReportResource {

    @Inject
    ReportQueries queries;

    @Inject
    Trusts trusts;

    @Inject
    PeriodCompaction compaction;

    @Inject
    CallerTrusts callerTrusts;

    @Context
    HttpHeaders headers;

    Clock clock = Clock.systemUTC();

    /** Launches, completions, passes, fails, pass rate, active learners and median time to complete per period. */
    @GET
    @Path("activity")
    public Response activity(@QueryParam("trust") String trust, @QueryParam("resource") String resource,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("period") String period, @QueryParam("format") String format) {
        ReportFormat f = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        Period p = Period.of(period);
        DateRange range = DateRange.of(from, to, p == Period.DAY ? DateRange.MAX_DAY_SERIES : DateRange.MAX_RANGE,
                today());
        Optional<Trust> t = trust(trust, false);
        Optional<UUID> r = resource(resource);
        Scope scope = new Scope(range, t.map(Trust::id), r);
        Map<String, Object> params = parameters(t, r, range);
        params.put("period", p.label());
        return answer(f, "activity", range, params, "series", ReportQueries.ACTIVITY,
                out -> queries.activity(scope, p, out));
    }

    /** The same measures per trust over the range: every trust, or the one asked for. */
    @GET
    @Path("trusts")
    public Response trusts(@QueryParam("trust") String trust, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("format") String format) {
        ReportFormat f = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        DateRange range = DateRange.of(from, to, DateRange.MAX_RANGE, today());
        Optional<Trust> t = trust(trust, false);
        Scope scope = new Scope(range, t.map(Trust::id), Optional.empty());
        return answer(f, "trusts", range, parameters(t, Optional.empty(), range), "trusts", ReportQueries.TRUSTS,
                out -> queries.trusts(scope, out));
    }

    /** The most launched resources over the range, with the same measures. */
    @GET
    @Path("resources")
    public Response resources(@QueryParam("trust") String trust, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("limit") String limit,
                              @QueryParam("format") String format) {
        ReportFormat f = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        DateRange range = DateRange.of(from, to, DateRange.MAX_RANGE, today());
        int n = Paging.limit(limit, 20, 1000);
        Optional<Trust> t = trust(trust, false);
        Scope scope = new Scope(range, t.map(Trust::id), Optional.empty());
        Map<String, Object> params = parameters(t, Optional.empty(), range);
        params.put("limit", n);
        return answer(f, "resources", range, params, "resources", ReportQueries.RESOURCES,
                out -> queries.resources(scope, n, out));
    }

    /** Per resource of one trust: enrolled (launched) learners, completed, not completed, overdue at dueBy. */
    @GET
    @Path("compliance")
    public Response compliance(@QueryParam("trust") String trust, @QueryParam("resource") String resource,
                               @QueryParam("dueBy") String dueBy, @QueryParam("format") String format) {
        ReportFormat f = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        Trust t = trust(trust, true).orElseThrow();
        if (dueBy == null) {
            throw HubProblem.badRequest("dueBy", "the date completions are due by (YYYY-MM-DD) is required");
        }
        LocalDate due = DateRange.date("dueBy", dueBy, null);
        Optional<UUID> r = resource(resource);
        Instant now = clock.instant();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("trust", t.code());
        params.put("resource", r.orElse(null));
        params.put("dueBy", due);
        params.put("asOf", now);
        DateRange label = new DateRange(due, due);
        return answer(f, "compliance", label, params, "resources", ReportQueries.COMPLIANCE,
                out -> queries.compliance(t.id(), r, due, now, out));
    }

    /**
     * Runs one compaction pass now (hub administrators only) and says what it did: the days and weeks compacted,
     * those left because a late writer held them, and the horizon (the latest day compacted).
     */
    @POST
    @Path("compaction")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(HubRoles.HUB_ADMIN)
    public CompactionPass compact() {
        PeriodCompaction.Outcome done = compaction.pass();
        return new CompactionPass(done.compacting(), done.days(), done.weeks(), done.busy(),
                done.horizon().map(LocalDate::toString).orElse(null));
    }

    /** The answer of a compaction pass ({@code compacting} false on H2, where reports are always live). */
    public record CompactionPass(boolean compacting, int daysCompacted, int weeksCompacted, int periodsBusy,
                                 String horizon) {
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Optional<Trust> trust(String asked, boolean required) {
        return ReportParameters.trust(asked, required, callerTrusts, trusts);
    }

    private Optional<UUID> resource(String value) {
        Optional<UUID> id = ReportParameters.uuid("resource", value, "a catalogue resource id (UUID)");
        if (id.isPresent() && !queries.resourceExists(id.get())) {
            throw new HubProblem(Response.Status.NOT_FOUND, "resource", "catalogue resource " + id.get() + " not found");
        }
        return id;
    }

    private static Map<String, Object> parameters(Optional<Trust> trust, Optional<UUID> resource, DateRange range) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("trust", trust.map(Trust::code).orElse(null));
        params.put("resource", resource.orElse(null));
        params.put("from", range.from());
        params.put("to", range.to());
        return params;
    }

    @FunctionalInterface
    private interface Rows {
        void write(RowWriter out) throws IOException;
    }

    private static Response answer(ReportFormat format, String name, DateRange range, Map<String, Object> params,
                                   String rowsName, List<Column> columns, Rows rows) {
        StreamingOutput body = (OutputStream out) -> {
            // Closed (the JSON array ended) only when every row was written: a failure part-way aborts the answer
            // rather than ending it as if it were complete.
            RowWriter writer = RowWriter.of(format, out, params, rowsName, columns);
            rows.write(writer);
            writer.close();
        };
        if (format == ReportFormat.JSON) {
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + range.from() + "-"
                        + range.to() + ".csv\"")
                .build();
    }
}
