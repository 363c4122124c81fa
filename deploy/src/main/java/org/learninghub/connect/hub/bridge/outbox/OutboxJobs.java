package org.learninghub.connect.hub.bridge.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code outbox_job} rows, by JDBC: claiming with row locks, marking, listing and retrying. */
@ApplicationScoped
public class OutboxJobs {

    public static final List<String> STATUSES = List.of("pending", "delivered", "failed", "skipped");
    static final int MAX_ERROR = 1000;

    @Inject
    DataSource dataSource;

    /**
     * Locks the oldest due pending job on {@code c} (a transaction the caller keeps open until the job is marked),
     * skipping rows other nodes hold: PostgreSQL and H2 2.2 both take {@code FOR UPDATE SKIP LOCKED}.
     */
    static Optional<ClaimedJob> claim(Connection c, Instant now) throws SQLException {
        Long id = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox_job WHERE status = 'pending'"
                + " AND next_attempt <= ? ORDER BY next_attempt, id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            ps.setObject(1, utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.registration, j.payload, j.attempts, j.created,"
                + " s.platform_id, s.ags_lineitems, s.ags_lineitem, s.ags_scopes, r.score_maximum"
                + " FROM outbox_job j JOIN launch_session s ON s.registration = j.registration"
                + " LEFT JOIN catalogue_resource r ON r.id = s.resource_id WHERE j.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double max = rs.getDouble(10);
                Optional<Double> scoreMaximum = rs.wasNull() ? Optional.empty() : Optional.of(max);
                return Optional.of(new ClaimedJob(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getLong(6),
                        Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                        Optional.ofNullable(rs.getString(9)), scoreMaximum));
            }
        }
    }

    /** Marks a claimed job with its new state, on the claiming transaction. */
    static void mark(Connection c, long id, String status, int attempts, Instant nextAttempt, String error,
                     Instant delivered) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_job SET status = ?, attempts = ?,"
                + " next_attempt = ?, last_error = ?, delivered = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setObject(3, utc(nextAttempt));
            ps.setString(4, error == null ? null : cut(error));
            ps.setObject(5, delivered == null ? null : utc(delivered));
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /** One page of jobs with the given status (all with none), newest first, ids below {@code before}. */
    public List<OutboxJob> list(Optional<String> status, Optional<Long> trust, Optional<Long> before, int limit) {
        String sql = "SELECT j.id, t.code, j.registration, j.outcome, j.statement_id, j.status, j.attempts,"
                + " j.next_attempt, j.last_error, j.created, j.delivered FROM outbox_job j"
                + " JOIN trust t ON t.id = j.tenant_id WHERE 1 = 1"
                + (status.isPresent() ? " AND j.status = ?" : "") + (trust.isPresent() ? " AND j.tenant_id = ?" : "")
                + (before.isPresent() ? " AND j.id < ?" : "") + " ORDER BY j.id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status.isPresent()) {
                ps.setString(i++, status.get());
            }
            if (trust.isPresent()) {
                ps.setLong(i++, trust.get());
            }
            if (before.isPresent()) {
                ps.setLong(i++, before.get());
            }
            ps.setInt(i, limit);
            List<OutboxJob> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new OutboxJob(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getInt(7),
                            rs.getTimestamp(8).toInstant(), Optional.ofNullable(rs.getString(9)),
                            rs.getTimestamp(10).toInstant(), instant(rs.getTimestamp(11))));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outbox failed: " + e.getMessage(), e);
        }
    }

    /** The code of the trust a job belongs to; empty when there is no such job. */
    public Optional<String> trustOf(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT t.code FROM outbox_job j JOIN trust t ON t.id = j.tenant_id"
                     + " WHERE j.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading an outbox job failed: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a failed job back to pending, due now, with a fresh round of attempts. Empty when there is no such job;
     * false when it is not failed (a pending job is already queued, a delivered one must not be sent again).
     */
    public Optional<Boolean> retry(long id, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox_job SET status = 'pending', attempts = 0,"
                     + " next_attempt = ? WHERE id = ? AND status = 'failed'")) {
            ps.setObject(1, utc(now));
            ps.setLong(2, id);
            if (ps.executeUpdate() == 1) {
                return Optional.of(true);
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM outbox_job WHERE id = ?")) {
                exists.setLong(1, id);
                try (ResultSet rs = exists.executeQuery()) {
                    return rs.next() ? Optional.of(false) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retrying an outbox job failed: " + e.getMessage(), e);
        }
    }

    private static String cut(String error) {
        StringBuilder clean = new StringBuilder(Math.min(error.length(), MAX_ERROR));
        for (int i = 0; i < error.length() && clean.length() < MAX_ERROR; i++) {
            char ch = error.charAt(i);
            clean.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return clean.toString();
    }

    static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
