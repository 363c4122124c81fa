package org.learninghub.connect.hub.catalogue.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.hub.catalogue.quality.CleanResource;
import org.learninghub.connect.hub.catalogue.quality.Problem;
import org.learninghub.connect.hub.catalogue.quality.QualityCheck;
import org.learninghub.connect.hub.catalogue.quality.QualityRules;

/**
 * The rules an import adds to the quality rules: a source id on every row, and no two rows with the same source id,
 * activity IRI or launch URL (rejected) or title (warning). The first row holding a value keeps it; later ones
 * are reported with the row they repeat.
 */
final class ImportChecks {

    private final Map<String, Integer> sourceIds = new HashMap<>();
    private final Map<String, Integer> activityIds = new HashMap<>();
    private final Map<String, Integer> launchUrls = new HashMap<>();
    private final Map<String, Integer> titles = new HashMap<>();

    QualityCheck check(ImportRow row, String source) {
        List<Problem> problems = new ArrayList<>(row.readProblems());
        QualityCheck check = QualityRules.check(row.input().withSource(source));
        if (row.sourceId() == null || row.sourceId().isBlank()) {
            problems.add(Problem.rejected("sourceId", "required", null));
        } else if (row.sourceId().length() <= 200) {
            Integer first = sourceIds.putIfAbsent(row.sourceId(), row.row());
            if (first != null) {
                problems.add(Problem.rejected("sourceId", "duplicate-in-file", row.sourceId() + " (row " + first + ")"));
            }
        }
        CleanResource clean = check.clean().orElse(null);
        if (clean != null) {
            repeat(activityIds, clean.activityId(), row, "activityId", true, problems);
            repeat(launchUrls, clean.launchUrl(), row, "launchUrl", true, problems);
            repeat(titles, clean.titleKey(), row, "title", false, problems);
        }
        List<Problem> all = new ArrayList<>(problems);
        QualityCheck combined = new QualityCheck(check.problems(), check.clean()).with(all);
        return combined;
    }

    private static void repeat(Map<String, Integer> seen, String value, ImportRow row, String field, boolean rejects,
                               List<Problem> problems) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, row.row());
        if (first != null) {
            String shown = value + " (row " + first + ")";
            problems.add(rejects ? Problem.rejected(field, "duplicate-in-file", shown)
                    : Problem.warning(field, "duplicate-in-file", shown));
        }
    }
}
