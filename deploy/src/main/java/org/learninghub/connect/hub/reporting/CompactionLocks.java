package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SortedSet;

/**
 * The per-day PostgreSQL advisory locks (transaction-scoped) that keep compaction and late writes of a day apart:
 * a request that changes an old day's roll-ups holds the day shared until it commits; compaction holds every day
 * it summarises exclusively. Compaction only ever tries (it never waits), so it can never be part of a cycle of
 * waits, wherever in their transaction writers take their shared locks (reporting.md, "Compaction").
 */
final class CompactionLocks {

    /** The first key of every reporting advisory lock; the second is the day (days since 1970-01-01). */
    static final int REPORTING = 0x52505254;

    private CompactionLocks() {
    }

    /** Holds the days shared until the transaction ends, in ascending order; waits at most the lock timeout. */
    static void share(Connection c, SortedSet<LocalDate> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, ?)")) {
            for (LocalDate d : days) {
                ps.setInt(1, REPORTING);
                ps.setInt(2, key(d));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    /**
     * Takes the days {@code from}..{@code to} exclusively, in ascending order, without waiting: false as soon as
     * one is held by a writer (the transaction must then be rolled back to let go of those already taken).
     */
    static boolean tryExclusive(Connection c, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                ps.setInt(1, REPORTING);
                ps.setInt(2, key(d));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static int key(LocalDate day) {
        return Math.toIntExact(day.toEpochDay());
    }
}
