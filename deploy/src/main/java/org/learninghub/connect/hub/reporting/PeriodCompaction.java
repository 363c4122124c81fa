package org.learninghub.connect.hub.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * Compaction of closed periods (reporting.md, "Compaction"): every day at least {@link #CLOSED_AFTER_DAYS} old,
 * and every ISO week whose last day is, that has no all-trusts summary yet gets one summary row per trust with
 * activity plus the all-trusts row (tenant 0, written even for an empty period: it marks the period compacted),
 * computed by the very SQL of a live report ({@link Scope#metrics}), so the figures are the same. Then the horizon
 * moves to the latest day compacted. Off the write path: run by {@link CompactionWorker} and by the operator's
 * {@code POST /admin/api/reports/compaction}. PostgreSQL only.
 *
 * <p>A pass works in short transactions of at most {@link #BATCH_DAYS} consecutive days or {@link #BATCH_WEEKS}
 * weeks, each holding its days' advisory locks exclusively ({@link CompactionLocks}); a batch with a day held by a
 * late writer is done period by period, and a period still held is left for the next pass. Several nodes may run
 * passes at once: the locks keep them off each other's days and a batch rewrites its periods whole.
 */
@ApplicationScoped
public class PeriodCompaction {

    /** Days at least this old (UTC) are closed: compacted. */
    static final int CLOSED_AFTER_DAYS = 3;
    static final int BATCH_DAYS = 60;
    static final int BATCH_WEEKS = 8;
    /** How far back from the newest closed day a pass reaches: the longest range a report covers. */
    static final int REACH_DAYS = DateRange.MAX_RANGE;
    /** How long an operator's pass waits for this node's running one. */
    static final Duration PASS_WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    private final ReentrantLock running = new ReentrantLock();

    /** What a pass did: periods compacted, periods left because a writer held them, the horizon after it. */
    public record Outcome(int days, int weeks, int busy, Optional<LocalDate> horizon, boolean compacting) {
    }

    /** One pass over every closed period without a summary; waits at most {@link #PASS_WAIT} for a running one. */
    public Outcome pass() {
        boolean mine;
        try {
            mine = running.tryLock(PASS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) {
            throw new HubProblem(Response.Status.SERVICE_UNAVAILABLE, "compaction",
                    "a compaction pass is still running on this node; try again later");
        }
        try (Connection c = dataSource.getConnection()) {
            if (Dialect.of(c) != Dialect.POSTGRESQL) {
                return new Outcome(0, 0, 0, Optional.empty(), false);
            }
            return pass(c, Days.day(clock.instant()).minusDays(CLOSED_AFTER_DAYS));
        } catch (SQLException e) {
            throw new IllegalStateException("report compaction failed: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    private Outcome pass(Connection c, LocalDate closed) throws SQLException {
        Optional<LocalDate> oldest = oldestDay(c);
        int[] done = new int[3];
        if (oldest.isPresent() && !oldest.get().isAfter(closed)) {
            LocalDate reach = closed.minusDays(REACH_DAYS - 1L);
            LocalDate from = oldest.get().isBefore(reach) ? reach : oldest.get();
            compact(c, Period.DAY, missing(c, Period.DAY, from, closed), BATCH_DAYS, done);
            LocalDate lastWeek = Days.weekStart(closed.minusDays(6));
            compact(c, Period.WEEK, missing(c, Period.WEEK, Days.weekStart(from), lastWeek), BATCH_WEEKS, done);
        }
        return new Outcome(done[0], done[1], done[2], horizon(c), true);
    }

    /** The periods from {@code first} to {@code last} (starts) without an all-trusts summary, in order. */
    private static List<LocalDate> missing(Connection c, Period period, LocalDate first, LocalDate last)
            throws SQLException {
        Set<LocalDate> have = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT period_start FROM report_period_summary"
                + " WHERE tenant_id = 0 AND period = ? AND period_start BETWEEN ? AND ?")) {
            ps.setString(1, period.code);
            ps.setObject(2, first);
            ps.setObject(3, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate p = first; !p.isAfter(last); p = p.plusDays(period.days)) {
            if (!have.contains(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** Compacts the periods in batches of consecutive ones; a batch a writer holds is retried period by period. */
    private static void compact(Connection c, Period period, List<LocalDate> starts, int batch, int[] done)
            throws SQLException {
        int i = 0;
        while (i < starts.size()) {
            int j = i + 1;
            while (j < starts.size() && j - i < batch
                    && starts.get(j).equals(starts.get(j - 1).plusDays(period.days))) {
                j++;
            }
            List<LocalDate> run = starts.subList(i, j);
            if (transaction(c, period, run.get(0), run.get(run.size() - 1))) {
                done[period == Period.DAY ? 0 : 1] += run.size();
            } else {
                for (LocalDate p : run) {
                    if (run.size() > 1 && transaction(c, period, p, p)) {
                        done[period == Period.DAY ? 0 : 1]++;
                    } else {
                        done[2]++;
                    }
                }
            }
            i = j;
        }
    }

    /** Summarises the periods starting {@code first} to {@code last} in one transaction; false if a day was held. */
    private static boolean transaction(Connection c, Period period, LocalDate first, LocalDate last)
            throws SQLException {
        LocalDate end = period.end(last);
        c.setAutoCommit(false);
        try {
            if (!CompactionLocks.tryExclusive(c, first, end)) {
                c.rollback();
                return false;
            }
            summarise(c, period, first, last, end);
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void summarise(Connection c, Period period, LocalDate first, LocalDate last, LocalDate end)
            throws SQLException {
        // Rows another node wrote after this pass listed the missing periods: rewritten, under the same locks.
        update(c, "DELETE FROM report_period_summary WHERE period = ? AND period_start BETWEEN ? AND ?",
                List.of(period.code, first, last));
        Scope all = new Scope(new DateRange(first, end), Optional.empty(), Optional.empty());
        String insert = "INSERT INTO report_period_summary (tenant_id, period, period_start, launches, completions,"
                + " passes, fails, learners, median) ";
        List<Object> args = new ArrayList<>(List.of(period.code));
        args.addAll(all.metricsArgs());
        update(c, insert + "SELECT x.g, ?, x.g2, x.launches, x.completions, x.passes, x.fails,"
                + " COALESCE(x.learners, 0), x.median FROM (" + all.metrics("tenant_id", period.column) + ") x", args);
        update(c, insert + "SELECT 0, ?, x.g, x.launches, x.completions, x.passes, x.fails, COALESCE(x.learners, 0),"
                + " x.median FROM (" + all.metrics(period.column) + ") x", args);
        try (PreparedStatement ps = c.prepareStatement(insert + "VALUES (0, ?, ?, 0, 0, 0, 0, 0, NULL)"
                + " ON CONFLICT DO NOTHING")) {
            for (LocalDate p = first; !p.isAfter(last); p = p.plusDays(period.days)) {
                ps.setString(1, period.code);
                ps.setObject(2, p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        update(c, "UPDATE report_compaction SET horizon = ? WHERE id = 1 AND (horizon IS NULL OR horizon < ?)",
                List.of(end, end));
    }

    private static Optional<LocalDate> oldestDay(Connection c) throws SQLException {
        return date(c, "SELECT MIN(on_day) FROM report_daily");
    }

    private static Optional<LocalDate> horizon(Connection c) throws SQLException {
        return date(c, "SELECT horizon FROM report_compaction WHERE id = 1");
    }

    private static Optional<LocalDate> date(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
        }
    }

    private static void update(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.executeUpdate();
        }
    }
}
