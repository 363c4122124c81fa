package org.learninghub.connect.hub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes one request's facts into the roll-up tables on the statement's own connection and transaction.
 *
 * <p>Concurrency: counters are only ever added to in one statement ({@link Dialect#addToDaily}), never read and
 * written back, so concurrent requests lose nothing; "once per attempt" and "once per learner and day" rest on
 * primary keys ({@code INSERT … ON CONFLICT DO NOTHING}: the loser of a race waits for the winner and then adds
 * nothing). Every request takes its row locks table by table in one order (attempt, learner-day, enrolment, daily)
 * and within a table in key order, so two requests cannot wait for each other in a cycle. Before any of them, a
 * request that changes old days holds those days' advisory locks shared ({@link SummaryInvalidation}); those only
 * ever wait for a compaction, which itself never waits, so they add no cycle either.
 */
final class Rollups {

    private static final Comparator<Fact> BY_ATTEMPT = Comparator.comparing(Fact::attempt)
            .thenComparing(f -> f.kind().code).thenComparing(Fact::statement);

    /** Tries of one H2 MERGE that met a concurrent insert of its row (about 2 s of waiting in all). */
    private static final int H2_MERGE_ATTEMPTS = 30;

    private final Connection c;
    private final long tenant;
    private final Map<DayKey, long[]> daily = new TreeMap<>();
    private final TreeMap<LearnerKey, Enrolment> enrolments = new TreeMap<>();

    Rollups(Connection c, long tenant) {
        this.c = c;
        this.tenant = tenant;
    }

    /** Counts the facts (per attempt where the kind says so) and marks who was active. */
    Rollups record(List<Fact> facts, Collection<Activity> activity) throws SQLException {
        List<Fact> sorted = new ArrayList<>(facts);
        sorted.sort(BY_ATTEMPT);
        List<Fact> counted = new ArrayList<>();
        List<Fact> notCounted = new ArrayList<>();
        for (Fact f : sorted) {
            (claim(f.attempt(), f.kind(), f.statement(), !f.kind().perAttempt()) ? counted : notCounted).add(f);
        }
        insertOutcomes(counted, true);
        insertOutcomes(notCounted, false);
        for (Fact f : counted) {
            add(f.resource(), f.day(), f.kind(), 1);
            if (f.kind() == Kind.LAUNCH) {
                enrol(f.resource(), f.learner(), new Enrolment(f.occurred(), Optional.empty()));
            } else if (f.kind() == Kind.COMPLETION) {
                enrol(f.resource(), f.learner(), new Enrolment(f.occurred(), Optional.of(f.occurred())));
            }
        }
        active(new TreeSet<>(activity));
        return this;
    }

    /**
     * Takes voided statements out of the counts. When the voided row was its attempt's counted one, the attempt's
     * next statement of that kind (not voided) is counted instead, so a re-sent completion keeps the attempt
     * completed.
     */
    Rollups voided(Collection<UUID> statements) throws SQLException {
        List<UUID> targets = statements.stream().sorted().distinct().toList();
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, attempt, resource_id, learner, on_day, counted"
                + " FROM report_outcome WHERE tenant_id = ? AND statement_id = ? AND NOT voided ORDER BY kind")) {
            for (UUID t : targets) {
                ps.setLong(1, tenant);
                ps.setObject(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(t, Kind.of(rs.getString(1).charAt(0)), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class),
                                rs.getBoolean(6)));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return this;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE report_outcome SET voided = TRUE, counted = FALSE"
                + " WHERE tenant_id = ? AND statement_id = ? AND kind = ?")) {
            for (Row r : rows) {
                ps.setLong(1, tenant);
                ps.setObject(2, r.statement());
                ps.setString(3, String.valueOf(r.kind().code));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rows.sort(Comparator.comparing(Row::attempt).thenComparing(r -> r.kind().code));
        TreeSet<LearnerKey> recomputed = new TreeSet<>();
        for (Row r : rows) {
            if (!r.counted()) {
                continue;
            }
            add(r.resource(), r.day(), r.kind(), -1);
            if (r.kind().perAttempt()) {
                release(r.attempt(), r.kind());
                promote(r.attempt(), r.kind());
            }
            if (r.kind() == Kind.COMPLETION) {
                recomputed.add(new LearnerKey(r.resource(), r.learner()));
            }
        }
        writeEnrolments();
        try (PreparedStatement ps = c.prepareStatement("UPDATE report_enrolment SET completed = (SELECT MIN(o.occurred)"
                + " FROM report_outcome o WHERE o.tenant_id = ? AND o.resource_id = ? AND o.learner = ? AND o.kind = 'C'"
                + " AND o.counted) WHERE tenant_id = ? AND resource_id = ? AND learner = ?")) {
            for (LearnerKey k : recomputed) {
                ps.setLong(1, tenant);
                ps.setObject(2, k.resource());
                ps.setString(3, k.learner());
                ps.setLong(4, tenant);
                ps.setObject(5, k.resource());
                ps.setString(6, k.learner());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return this;
    }

    /**
     * The days whose counts voiding these statements can change: those of every statement of the same attempts
     * and kinds, since another one of the attempt may be counted in the voided one's place ({@link #voided}).
     */
    static Set<LocalDate> attemptDays(Connection c, long tenant, Collection<UUID> statements) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.on_day FROM report_outcome v"
                + " JOIN report_outcome o ON o.tenant_id = v.tenant_id AND o.attempt = v.attempt AND o.kind = v.kind"
                + " WHERE v.tenant_id = ? AND v.statement_id = ?")) {
            for (UUID s : new TreeSet<>(statements)) {
                ps.setLong(1, tenant);
                ps.setObject(2, s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
        }
        return days;
    }

    /** Writes the enrolments and adds the collected increments to the daily counters, in key order. */
    void flush() throws SQLException {
        writeEnrolments();
        Dialect dialect = Dialect.of(c);
        try (PreparedStatement ps = c.prepareStatement(dialect.addToDaily())) {
            for (Map.Entry<DayKey, long[]> e : daily.entrySet()) {
                ps.setLong(1, tenant);
                ps.setObject(2, e.getKey().resource());
                ps.setObject(3, e.getKey().day());
                ps.setObject(4, Days.weekStart(e.getKey().day()));
                for (int i = 0; i < 4; i++) {
                    ps.setLong(5 + i, e.getValue()[i]);
                }
                if (dialect == Dialect.POSTGRESQL) {
                    ps.addBatch();
                } else {
                    mergeOnH2(ps);
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                ps.executeBatch();
            }
        }
        daily.clear();
    }

    /**
     * H2's MERGE inserts a missing row without waiting for a concurrent transaction that inserts the same one: the
     * loser gets a unique violation (its statement alone is undone, not the transaction) and tries again once the
     * winner's row is there, a bounded number of times.
     */
    private static void mergeOnH2(PreparedStatement ps) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                ps.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState()) || attempt == H2_MERGE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Whether this statement is the one its attempt's count of this kind rests on. */
    private boolean claim(UUID attempt, Kind kind, UUID statement, boolean always) throws SQLException {
        if (always) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_attempt (tenant_id, attempt, kind,"
                + " statement_id) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, tenant);
            ps.setObject(2, attempt);
            ps.setString(3, String.valueOf(kind.code));
            ps.setObject(4, statement);
            return ps.executeUpdate() == 1;
        }
    }

    private void release(UUID attempt, Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM report_attempt WHERE tenant_id = ? AND attempt = ? AND kind = ?")) {
            ps.setLong(1, tenant);
            ps.setObject(2, attempt);
            ps.setString(3, String.valueOf(kind.code));
            ps.executeUpdate();
        }
    }

    private void promote(UUID attempt, Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT statement_id, resource_id, learner, on_day, occurred"
                + " FROM report_outcome WHERE tenant_id = ? AND attempt = ? AND kind = ? AND NOT voided"
                + " ORDER BY occurred, statement_id LIMIT 1")) {
            ps.setLong(1, tenant);
            ps.setObject(2, attempt);
            ps.setString(3, String.valueOf(kind.code));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                UUID next = rs.getObject(1, UUID.class);
                UUID resource = rs.getObject(2, UUID.class);
                String learner = rs.getString(3);
                LocalDate day = rs.getObject(4, LocalDate.class);
                Instant occurred = instant(rs.getTimestamp(5));
                if (!claim(attempt, kind, next, false)) {
                    return;
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE report_outcome SET counted = TRUE"
                        + " WHERE tenant_id = ? AND statement_id = ? AND kind = ?")) {
                    u.setLong(1, tenant);
                    u.setObject(2, next);
                    u.setString(3, String.valueOf(kind.code));
                    u.executeUpdate();
                }
                add(resource, day, kind, 1);
                if (kind == Kind.COMPLETION) {
                    enrol(resource, learner, new Enrolment(occurred, Optional.of(occurred)));
                }
            }
        }
    }

    private void insertOutcomes(List<Fact> facts, boolean counted) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_outcome (tenant_id, statement_id, kind,"
                + " attempt, resource_id, learner, occurred, on_day, week_start, duration_seconds, counted, voided)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,FALSE)")) {
            for (Fact f : facts) {
                ps.setLong(1, tenant);
                ps.setObject(2, f.statement());
                ps.setString(3, String.valueOf(f.kind().code));
                ps.setObject(4, f.attempt());
                ps.setObject(5, f.resource());
                ps.setString(6, f.learner());
                ps.setObject(7, f.occurred().atOffset(ZoneOffset.UTC));
                ps.setObject(8, f.day());
                ps.setObject(9, Days.weekStart(f.day()));
                if (f.seconds().isPresent()) {
                    ps.setLong(10, f.seconds().get());
                } else {
                    ps.setNull(10, java.sql.Types.BIGINT);
                }
                ps.setBoolean(11, counted);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A learner newly active on a resource and day makes sure the day has a counter row. */
    private void active(TreeSet<Activity> activity) throws SQLException {
        if (activity.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_learner_day (tenant_id, resource_id, on_day,"
                + " week_start, learner) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            for (Activity a : activity) {
                ps.setLong(1, tenant);
                ps.setObject(2, a.resource());
                ps.setObject(3, a.day());
                ps.setObject(4, Days.weekStart(a.day()));
                ps.setString(5, a.learner());
                if (ps.executeUpdate() == 1) {
                    daily.computeIfAbsent(new DayKey(a.resource(), a.day()), k -> new long[4]);
                }
            }
        }
    }

    private void writeEnrolments() throws SQLException {
        if (enrolments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO report_enrolment (tenant_id, resource_id,"
                + " learner, enrolled, completed) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
             PreparedStatement complete = c.prepareStatement("UPDATE report_enrolment SET completed = CASE"
                + " WHEN completed IS NULL OR completed > ? THEN ? ELSE completed END"
                + " WHERE tenant_id = ? AND resource_id = ? AND learner = ?")) {
            for (Map.Entry<LearnerKey, Enrolment> e : enrolments.entrySet()) {
                Optional<Instant> completed = e.getValue().completed();
                insert.setLong(1, tenant);
                insert.setObject(2, e.getKey().resource());
                insert.setString(3, e.getKey().learner());
                insert.setObject(4, e.getValue().first().atOffset(ZoneOffset.UTC));
                insert.setObject(5, completed.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null));
                if (insert.executeUpdate() == 0 && completed.isPresent()) {
                    Instant at = completed.get();
                    complete.setObject(1, at.atOffset(ZoneOffset.UTC));
                    complete.setObject(2, at.atOffset(ZoneOffset.UTC));
                    complete.setLong(3, tenant);
                    complete.setObject(4, e.getKey().resource());
                    complete.setString(5, e.getKey().learner());
                    complete.executeUpdate();
                }
            }
        }
        enrolments.clear();
    }

    private void enrol(UUID resource, String learner, Enrolment e) {
        enrolments.merge(new LearnerKey(resource, learner), e, Enrolment::earliest);
    }

    private void add(UUID resource, LocalDate day, Kind kind, long n) {
        daily.computeIfAbsent(new DayKey(resource, day), k -> new long[4])[kind.ordinal()] += n;
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }

    private record DayKey(UUID resource, LocalDate day) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int r = resource.compareTo(o.resource);
            return r != 0 ? r : day.compareTo(o.day);
        }
    }

    private record LearnerKey(UUID resource, String learner) implements Comparable<LearnerKey> {
        @Override
        public int compareTo(LearnerKey o) {
            int r = resource.compareTo(o.resource);
            return r != 0 ? r : learner.compareTo(o.learner);
        }
    }

    /** A learner's first sign on a resource and earliest completion, as far as this request knows. */
    private record Enrolment(Instant first, Optional<Instant> completed) {
        Enrolment earliest(Enrolment o) {
            Instant f = o.first.isBefore(first) ? o.first : first;
            Optional<Instant> c = completed.isEmpty() ? o.completed
                    : o.completed.filter(x -> x.isBefore(completed.get())).or(() -> completed);
            return new Enrolment(f, c);
        }
    }

    private record Row(UUID statement, Kind kind, UUID attempt, UUID resource, String learner, LocalDate day,
                       boolean counted) {
    }
}
