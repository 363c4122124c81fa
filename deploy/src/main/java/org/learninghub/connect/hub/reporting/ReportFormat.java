package org.learninghub.connect.hub.reporting;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.learninghub.connect.hub.api.HubProblem;

/** JSON (the default) or CSV, chosen by {@code ?format=} or else by {@code Accept: text/csv}. */
enum ReportFormat {
    JSON, CSV;

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    static ReportFormat of(String format, List<MediaType> acceptable) {
        if (format != null) {
            return switch (format) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw HubProblem.badRequest("format", "json or csv");
            };
        }
        for (MediaType m : acceptable) {
            if (m.isWildcardType() || m.isWildcardSubtype()) {
                continue;
            }
            if (m.getType().equalsIgnoreCase("text") && m.getSubtype().equalsIgnoreCase("csv")) {
                return CSV;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return JSON;
            }
        }
        return JSON;
    }
}
