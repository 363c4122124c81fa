package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
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
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM report_period_summary WHERE tenant_id IN (0, ?)"
                + " AND ((period = 'D' AND period_start = ?) OR (period = 'W' AND period_start = ?))")) {
            for (LocalDate d : old) {
                ps.setLong(1, tenant);
                ps.setObject(2, d);
                ps.setObject(3, Days.weekStart(d));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
