package org.learninghub.connect.hub.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which roll-up rows a report reads: a day range, optionally one trust and one resource. */
record Scope(DateRange range, Optional<Long> tenant, Optional<UUID> resource) {

    /** The WHERE clause over a roll-up table (every one has on_day, tenant_id and resource_id). */
    String where() {
        return " WHERE on_day BETWEEN ? AND ?" + tenant.map(t -> " AND tenant_id = ?").orElse("")
                + resource.map(r -> " AND resource_id = ?").orElse("");
    }

    List<Object> args() {
        List<Object> args = new ArrayList<>(List.of(range.from(), range.to()));
        tenant.ifPresent(args::add);
        resource.ifPresent(args::add);
        return args;
    }

    /**
     * Launches, completions, passes, fails, distinct active learners and the median time to complete, grouped by
     * one roll-up column ({@code g}): the counters are sums of daily rows, the learners are counted distinct over
     * the learner-day rows of the whole group (a learner active on two days of a week is one learner that week),
     * the median is over the durations of the group's counted completions.
     */
    String metrics(String group) {
        String w = where();
        return "SELECT d.g, d.launches, d.completions, d.passes, d.fails, l.learners, m.median FROM"
                + " (SELECT " + group + " AS g, SUM(launches) AS launches, SUM(completions) AS completions,"
                + " SUM(passes) AS passes, SUM(fails) AS fails FROM report_daily" + w + " GROUP BY " + group + ") d"
                // Distinct (group, learner) pairs counted per group rather than COUNT(DISTINCT): an index in
                // (tenant, day, learner) order then yields the pairs without sorting (reporting.md, "Figures").
                + " LEFT JOIN (SELECT g, COUNT(*) AS learners FROM (SELECT DISTINCT " + group + " AS g, learner"
                + " FROM report_learner_day" + w + ") u GROUP BY g) l ON l.g = d.g"
                + " LEFT JOIN (SELECT " + group + " AS g, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_seconds)"
                + " AS median FROM report_outcome" + w + " AND kind = 'C' AND counted AND duration_seconds IS NOT NULL"
                + " GROUP BY " + group + ") m ON m.g = d.g";
    }

    /** The arguments of {@link #metrics}: the scope's, once per subquery. */
    List<Object> metricsArgs() {
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            args.addAll(args());
        }
        return args;
    }
}
