package org.learninghub.connect.hub.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which roll-up rows a report reads: a day range, optionally one trust and one resource. {@code parts} are the
 * day ranges inside it that are actually read: the whole range, or (for an activity series partly read from
 * compacted periods) only the days of the periods still counted live.
 */
record Scope(DateRange range, Optional<Long> tenant, Optional<UUID> resource, List<DateRange> parts) {

    Scope(DateRange range, Optional<Long> tenant, Optional<UUID> resource) {
        this(range, tenant, resource, List.of(range));
    }

    Scope {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a scope reads at least one day range");
        }
    }

    /** The same trust and resource, reading only these day ranges of the range. */
    Scope onlyDays(List<DateRange> days) {
        return new Scope(range, tenant, resource, days);
    }

    /** The WHERE clause over a roll-up table (every one has on_day, tenant_id and resource_id). */
    String where() {
        StringBuilder days = new StringBuilder(" WHERE ");
        if (parts.size() > 1) {
            days.append('(');
        }
        for (int i = 0; i < parts.size(); i++) {
            days.append(i == 0 ? "" : " OR ").append("on_day BETWEEN ? AND ?");
        }
        if (parts.size() > 1) {
            days.append(')');
        }
        return days + tenant.map(t -> " AND tenant_id = ?").orElse("")
                + resource.map(r -> " AND resource_id = ?").orElse("");
    }

    List<Object> args() {
        List<Object> args = new ArrayList<>();
        for (DateRange p : parts) {
            args.add(p.from());
            args.add(p.to());
        }
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
        return metrics(group, null);
    }

    /**
     * {@link #metrics(String)} grouped by two columns, {@code g} and {@code g2} (compaction groups by trust and
     * period in one pass); {@code second} null groups by {@code group} alone.
     */
    String metrics(String group, String second) {
        String w = where();
        String by = second == null ? group : group + ", " + second;
        String as = group + " AS g" + (second == null ? "" : ", " + second + " AS g2");
        String on = second == null ? "" : " AND %s.g2 = d.g2";
        return "SELECT d.g" + (second == null ? "" : ", d.g2")
                + ", d.launches, d.completions, d.passes, d.fails, l.learners, m.median FROM"
                + " (SELECT " + as + ", SUM(launches) AS launches, SUM(completions) AS completions,"
                + " SUM(passes) AS passes, SUM(fails) AS fails FROM report_daily" + w + " GROUP BY " + by + ") d"
                // Distinct (group, learner) pairs counted per group rather than COUNT(DISTINCT): an index in
                // (tenant, day, learner) order then yields the pairs without sorting (reporting.md, "Figures").
                + " LEFT JOIN (SELECT g" + (second == null ? "" : ", g2") + ", COUNT(*) AS learners FROM"
                + " (SELECT DISTINCT " + as + ", learner FROM report_learner_day" + w + ") u GROUP BY g"
                + (second == null ? "" : ", g2") + ") l ON l.g = d.g" + on.formatted("l")
                + " LEFT JOIN (SELECT " + as + ", PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_seconds)"
                + " AS median FROM report_outcome" + w + " AND kind = 'C' AND counted AND duration_seconds IS NOT NULL"
                + " GROUP BY " + by + ") m ON m.g = d.g" + on.formatted("m");
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
