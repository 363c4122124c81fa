package org.learninghub.connect.hub.reporting;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compacted part of an activity series: the periods wholly inside the range, ending on or before the
 * horizon, whose all-trusts summary exists (a late statement deleted it otherwise), read from
 * report_period_summary; and the days left to count live.
 */
final class CompactedSeries {

    /** Beyond this many separate live day ranges the live query reads from the first to the last live day. */
    static final int MAX_LIVE_PARTS = 32;

    private CompactedSeries() {
    }

    /** The summaries of the scope's trust (zeros where only the all-trusts row exists) or of all trusts. */
    static Map<LocalDate, Metrics> read(ReportQueries queries, Scope scope, Period period) throws IOException {
        LocalDate first = period.start(scope.range().from());
        if (first.isBefore(scope.range().from())) {
            first = first.plusDays(period.days);
        }
        LocalDate last = period.start(scope.range().to());
        if (period.end(last).isAfter(scope.range().to())) {
            last = last.minusDays(period.days);
        }
        Map<LocalDate, Metrics> all = new HashMap<>();
        Map<LocalDate, Metrics> trust = new HashMap<>();
        if (last.isBefore(first)) {
            return all;
        }
        List<Object> args = new ArrayList<>(List.of(period.days - 1, period.code, first, last));
        scope.tenant().ifPresent(args::add);
        queries.query("SELECT s.period_start, s.tenant_id, s.launches, s.completions, s.passes, s.fails, s.learners,"
                + " s.median FROM report_period_summary s JOIN report_compaction h ON h.id = 1"
                + " AND s.period_start + CAST(? AS INTEGER) <= h.horizon"
                + " WHERE s.period = ? AND s.period_start BETWEEN ? AND ?"
                + (scope.tenant().isPresent() ? " AND s.tenant_id IN (0, ?)" : " AND s.tenant_id = 0"), args, rs -> {
                    LocalDate p = rs.getObject(1, LocalDate.class);
                    (rs.getLong(2) == 0 ? all : trust).put(p, Metrics.read(rs, 3));
                });
        if (scope.tenant().isEmpty()) {
            return all;
        }
        Map<LocalDate, Metrics> mine = new HashMap<>();
        all.keySet().forEach(p -> mine.put(p, trust.getOrDefault(p, Metrics.NONE)));
        return mine;
    }

    /**
     * The days of the range in the periods not compacted, as few ranges as they make (a partial period at an edge
     * only its days inside the range, as a live series counts it); the whole first-to-last span when they make more
     * than {@link #MAX_LIVE_PARTS} (a compacted period read live again has the same figures).
     */
    static List<DateRange> liveDays(DateRange range, Period period, List<LocalDate> starts, Set<LocalDate> compacted) {
        List<DateRange> parts = new ArrayList<>();
        for (LocalDate p : starts) {
            if (compacted.contains(p)) {
                continue;
            }
            LocalDate from = p.isBefore(range.from()) ? range.from() : p;
            LocalDate to = period.end(p).isAfter(range.to()) ? range.to() : period.end(p);
            int n = parts.size();
            if (n > 0 && parts.get(n - 1).to().plusDays(1).equals(from)) {
                parts.set(n - 1, new DateRange(parts.get(n - 1).from(), to));
            } else {
                parts.add(new DateRange(from, to));
            }
        }
        if (parts.size() > MAX_LIVE_PARTS) {
            return List.of(new DateRange(parts.get(0).from(), parts.get(parts.size() - 1).to()));
        }
        return parts;
    }
}
