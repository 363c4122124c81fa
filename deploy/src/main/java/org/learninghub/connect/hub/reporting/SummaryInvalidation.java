package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Late data: a request that changes the roll-ups of an old day (a statement sent days after it happened, the
 * voiding of an old statement, a learner's erasure) deletes the compacted summaries of that day and of its week,
 * for its trust and for all trusts, so the activity report counts them live again until the next compaction.
 * Runs in the request's transaction, before its roll-up writes, holding each day shared ({@link CompactionLocks}):
 * a compaction of the day that committed first is seen (and deleted); one that comes later waits for this commit
 * and then counts the late rows. PostgreSQL only: nothing is compacted on H2.
 */
final class SummaryInvalidation {

    /**
     * Days at least this old are "late": they may have been compacted. One day more than compaction waits
     * ({@link PeriodCompaction#CLOSED_AFTER_DAYS}), so a transaction that straddles midnight is still covered.
     */
    static final int LATE_AFTER_DAYS = PeriodCompaction.CLOSED_AFTER_DAYS - 1;

    private SummaryInvalidation() {
    }

    /** Locks the late ones among the days shared and deletes their summaries and those of their weeks. */
    static void changing(Connection c, long tenant, Collection<LocalDate> days, LocalDate today) throws SQLException {
        LocalDate late = today.minusDays(LATE_AFTER_DAYS);
        SortedSet<LocalDate> old = new TreeSet<>();
        for (LocalDate d : days) {
            if (!d.isAfter(late)) {
                old.add(d);
            }
        }
        if (old.isEmpty() || Dialect.of(c) != Dialect.POSTGRESQL) {
            return;
        }
        CompactionLocks.share(c, old);
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM report_period_summary WHERE tenant_id = ? AND period = ? AND period_start = ?")) {
            for (Row row : rows(tenant, old)) {
                ps.setLong(1, row.tenant());
                ps.setString(2, row.period().code);
                ps.setObject(3, row.start());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A summary row by its primary key. */
    record Row(long tenant, Period period, LocalDate start) {
    }

    /**
     * The summary rows a change to these days of a trust invalidates (the days' and their weeks', the trust's and all
     * trusts'), in one order every writer follows: deleted one by one in it, the rows are locked in it, so two
     * writers of overlapping days never each hold a row the other waits for (one statement per day did: its day's
     * row and the shared week's row were locked in whatever order the scan met them).
     */
    static List<Row> rows(long tenant, Collection<LocalDate> days) {
        SortedSet<Row> rows = new TreeSet<>(Comparator.comparingLong(Row::tenant)
                .thenComparing(Row::period).thenComparing(Row::start));
        for (long t : new long[] {0, tenant}) {
            for (LocalDate d : days) {
                for (Period p : Period.values()) {
                    rows.add(new Row(t, p, p.start(d)));
                }
            }
        }
        return List.copyOf(rows);
    }
}
