package org.learninghub.connect.hub.reporting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.bridge.outbox.Paging;
import org.learninghub.connect.hub.security.CallerTrusts;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;
import org.learninghub.connect.xapi.agent.Ifi;

/**
 * Admin API: the statement browser (src/docs/reporting.md). Stored statements filtered by trust, resource, learner,
 * verb, registration and stored time, newest first, in pages that continue exactly where the last one ended
 * ({@code more}); or every match as streamed CSV ({@code ?format=csv} or {@code Accept: text/csv}). Every parameter
 * is checked before the answer starts.
 */
@Path("admin/api/statements")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class StatementBrowserResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** The longest verb IRI the LRS indexes ({@code xapi_statement_verb.iri}). */
    private static final int MAX_IRI = 2048;
    /** An ISO-8601 date-time with offset is far shorter; longer is refused before parsing. */
    private static final int MAX_TIME = 40;

    @Inject
    StatementBrowser browser;

    @Inject
    ReportQueries queries;

    @Inject
    Trusts trusts;

    @Inject
    CallerTrusts callerTrusts;

    @Context
    HttpHeaders headers;

    @GET
    public Response list(@QueryParam("trust") String trust, @QueryParam("resource") String resource,
                         @QueryParam("learner") String learner, @QueryParam("verb") String verb,
                         @QueryParam("registration") String registration, @QueryParam("since") String since,
                         @QueryParam("until") String until, @QueryParam("limit") String limit,
                         @QueryParam("after") String after, @QueryParam("format") String format) {
        ReportFormat f = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        int n = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<Trust> t = ReportParameters.trust(trust, false, callerTrusts, trusts);
        Optional<UUID> r = ReportParameters.uuid("resource", resource, "a catalogue resource id (UUID)");
        if (r.isPresent() && !queries.resourceExists(r.get())) {
            throw new HubProblem(Response.Status.NOT_FOUND, "resource", "catalogue resource " + r.get() + " not found");
        }
        Optional<String> iri = r.flatMap(id -> activityIri(id));
        StatementFilter filter = new StatementFilter(t.map(Trust::id), r, iri, learner(learner), verb(verb),
                ReportParameters.uuid("registration", registration, "a registration (UUID)"), time("since", since),
                time("until", until), Paging.positive("after", after));
        if (filter.since().isPresent() && filter.until().isPresent()
                && filter.since().get().isAfter(filter.until().get())) {
            throw HubProblem.badRequest("since", "must not be after until");
        }
        Map<String, String> asked = new LinkedHashMap<>();
        t.ifPresent(x -> asked.put("trust", x.code()));
        put(asked, "resource", resource);
        put(asked, "learner", learner);
        put(asked, "verb", verb);
        put(asked, "registration", registration);
        put(asked, "since", since);
        put(asked, "until", until);
        if (f == ReportFormat.CSV) {
            return csv(filter);
        }
        return json(filter, n, asked);
    }

    private Response json(StatementFilter filter, int limit, Map<String, String> asked) {
        StatementBrowser.Page page;
        try {
            page = browser.page(filter, limit);
        } catch (IOException e) {
            throw new IllegalStateException("reading statements failed: " + e.getMessage(), e);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = body.putArray("statements");
        page.statements().forEach(s -> rows.add(s.json()));
        if (page.more()) {
            Map<String, String> next = new LinkedHashMap<>(asked);
            next.put("limit", String.valueOf(limit));
            next.put("after", String.valueOf(page.statements().get(page.statements().size() - 1).seq()));
            body.put("more", "/admin/api/statements?" + next.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        } else {
            body.putNull("more");
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response csv(StatementFilter filter) {
        StreamingOutput body = (OutputStream out) -> {
            // Closed only when every row was written: a failure part-way aborts the answer instead of ending it.
            RowWriter writer = RowWriter.of(ReportFormat.CSV, out, Map.of(), "statements", BrowsedStatement.COLUMNS);
            browser.all(filter, writer);
            writer.close();
        };
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statements.csv\"").build();
    }

    private Optional<String> activityIri(UUID resource) {
        String[] iri = {null};
        try {
            queries.query("SELECT activity_id FROM catalogue_resource WHERE id = ?", java.util.List.of(resource),
                    rs -> iri[0] = rs.getString(1));
        } catch (IOException e) {
            throw new IllegalStateException("reading the catalogue failed: " + e.getMessage(), e);
        }
        // Statements about an IRI several resources share count for the oldest of them only, as in the roll-ups.
        return Optional.ofNullable(iri[0]).filter(i -> browser.resourceOf(i).equals(Optional.of(resource)));
    }

    private static void put(Map<String, String> asked, String name, String value) {
        if (value != null && !value.isEmpty()) {
            asked.put(name, value);
        }
    }

    /** The learner's actor IFI key as the LRS indexes it, e.g. {@code account:https://lms.example|sub}. */
    private static Optional<String> learner(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > Ifi.MAX_KEY || !(value.startsWith("account:") || value.startsWith("mbox:")
                || value.startsWith("mbox_sha1sum:") || value.startsWith("openid:"))) {
            throw HubProblem.badRequest("learner", "the learner's IFI key (account:homePage|name, mbox:mailto:…,"
                    + " mbox_sha1sum:… or openid:…), at most " + Ifi.MAX_KEY + " characters");
        }
        return Optional.of(value);
    }

    private static Optional<String> verb(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() > MAX_IRI || !new URI(value).isAbsolute()) {
                throw new URISyntaxException(value, "not absolute");
            }
        } catch (URISyntaxException e) {
            throw HubProblem.badRequest("verb", "an absolute verb IRI of at most " + MAX_IRI + " characters");
        }
        return Optional.of(value);
    }

    private static Optional<OffsetDateTime> time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() > MAX_TIME) {
                throw new IllegalArgumentException();
            }
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw HubProblem.badRequest(name, "an ISO-8601 date-time with offset, e.g. 2026-03-02T10:00:00Z");
        }
    }
}
