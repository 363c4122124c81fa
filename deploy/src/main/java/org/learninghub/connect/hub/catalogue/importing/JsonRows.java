package org.learninghub.connect.hub.catalogue.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.learninghub.connect.hub.api.HubObjectMapper;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.ResourceInput;

/**
 * Reads a JSON import: an array of objects with the template's column names as properties; {@code keywords} and
 * {@code audience} are arrays of strings. The Hub's strict mapper refuses unknown properties and wrong types (400
 * naming the JSON path).
 */
public final class JsonRows {

    /** One element of the array. */
    public record JsonRow(String sourceId, String title, String description, List<String> keywords, String type,
                          String launchUrl, String activityId, String version, String ownerTrust,
                          List<String> audience, String licence, Boolean gradable, Double scoreMaximum) {
    }

    private static final TypeReference<List<JsonRow>> ROWS = new TypeReference<>() { };

    private JsonRows() {
    }

    public static List<ImportRow> read(InputStream body, int maxRows) throws IOException {
        List<JsonRow> parsed = HubObjectMapper.MAPPER.readValue(body, ROWS);
        if (parsed == null) {
            throw HubProblem.badRequest("rows", "a JSON array of resources is required");
        }
        if (parsed.size() > maxRows) {
            throw HubProblem.badRequest("rows", "an import holds at most " + maxRows + " rows");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (JsonRow r : parsed) {
            if (r == null) {
                throw HubProblem.badRequest("[" + rows.size() + "]", "each element must be an object");
            }
            rows.add(new ImportRow(rows.size() + 1, r.sourceId(), new ResourceInput(r.title(), r.description(),
                    r.keywords(), r.type(), r.launchUrl(), r.activityId(), r.version(), r.ownerTrust(), null,
                    r.sourceId(), r.audience(), r.licence(), r.gradable(), r.scoreMaximum()), List.of()));
        }
        return rows;
    }
}
