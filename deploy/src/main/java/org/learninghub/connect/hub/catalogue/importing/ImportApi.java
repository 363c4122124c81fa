package org.learninghub.connect.hub.catalogue.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.quality.Problem;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * {@code /admin/api/imports}: migrating a platform's metadata into the catalogue (CSV or a JSON array), the list
 * of past imports with their reports (JSON or CSV for the content owners), and the template. Bodies are bounded by
 * {@code hub.limit.imports.bytes} (the resource's package decides its body family).
 */
@Path("admin/api/imports")
@RolesAllowed(HubRoles.HUB_ADMIN)
public class ImportApi {

    /** Rows in one import at most; a platform larger than this is imported in parts. */
    static final int MAX_ROWS = 50_000;
    static final String TEXT_CSV = "text/csv";

    @Inject
    ImportRun run;

    @Inject
    ImportLog log;

    @POST
    @Consumes({TEXT_CSV, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(@QueryParam("source") String source, @QueryParam("dryRun") String dryRun,
                               @QueryParam("strict") String strict, @Context HttpHeaders headers,
                               @Context SecurityContext caller, InputStream body) throws IOException {
        ImportRequest request = new ImportRequest(source, ImportRequest.flag("dryRun", dryRun, false),
                ImportRequest.flag("strict", strict, false));
        MediaType type = headers.getMediaType();
        List<ImportRow> rows = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? JsonRows.read(body, MAX_ROWS) : CsvRows.read(body, MAX_ROWS);
        ImportReport report = run.run(request, rows, caller.getUserPrincipal().getName());
        int status = switch (report.outcome()) {
            case "stored" -> 201;
            case "refused" -> 422;
            default -> 200;
        };
        return Response.status(status).entity(report).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ImportReport> list() {
        return log.list();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport get(@PathParam("id") String id) {
        return log.find(id(id)).orElseThrow(() -> HubProblem.notFound("import " + id));
    }

    /** The report as CSV, one line per problem, for the content owners to fix their metadata. */
    @GET
    @Path("{id}/report.csv")
    @Produces(TEXT_CSV)
    public Response reportCsv(@PathParam("id") String id) {
        ImportReport report = log.find(id(id)).orElseThrow(() -> HubProblem.notFound("import " + id));
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("row", "sourceId", "status", "field", "rule", "severity", "value"));
        for (ImportReport.RowReport row : report.rows()) {
            for (Problem p : row.problems()) {
                lines.add(List.of(Integer.toString(row.row()), nz(row.sourceId()), row.status(), p.field(), p.rule(),
                        p.severity().code(), nz(p.value())));
            }
        }
        return Response.ok(CsvOut.write(lines), TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + report.id() + "-report.csv\"")
                .build();
    }

    /** The template: the header row and one example row. */
    @GET
    @Path("template")
    @Produces(TEXT_CSV)
    public Response template() {
        List<List<String>> lines = List.of(Columns.ALL, List.of("ELR-0001", "Fire safety awareness for ward staff",
                "What to do when the fire alarm sounds on a ward, evacuation routes and extinguisher types.",
                "fire safety;evacuation;statutory", "e-learning-package",
                "https://content.example.nhs.uk/fire-safety/index.html",
                "https://content.example.nhs.uk/activities/fire-safety", "2.1", "", "nurse;healthcare assistant",
                "Open Government Licence v3.0", "true", "100"));
        return Response.ok(CsvOut.write(lines), TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"catalogue-import-template.csv\"").build();
    }

    private static UUID id(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // not found below
        }
        throw HubProblem.notFound("import");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
