package org.learninghub.connect.hub.catalogue.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/**
 * What an import did: totals and every row with a problem. {@code outcome} is {@code stored}, {@code dry-run}
 * (nothing stored, nothing kept) or {@code refused} (strict mode and a rejected row: nothing stored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(UUID id, String source, String createdBy, Instant created, boolean dryRun,
                           boolean strict, String outcome, Totals totals, List<RowReport> rows) {

    /** Rows read; rows without problems; rows with warnings only; rows rejected; resources created and updated. */
    public record Totals(int rows, int accepted, int warnings, int rejected, int created, int updated) {
    }

    /** One row with problems; {@code status} is {@code warning} or {@code rejected}. */
    public record RowReport(int row, String sourceId, String status, List<Problem> problems) {
    }
}
