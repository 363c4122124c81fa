package org.learninghub.connect.hub.bridge.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads launch sessions of one trust with their score jobs (two queries: one page, then its jobs). */
@ApplicationScoped
public class LaunchReports {

    @Inject
    DataSource dataSource;

    List<LaunchReport> list(long tenant, Optional<UUID> resource, Optional<Instant> since, Optional<Instant> before,
                            int limit) {
        // Only fixed fragments are joined; every value is a parameter.
        String sql = "SELECT registration, resource_id, subject, context_id, resource_link_id, started, last_launched,"
                + " finished, outcome, ags_lineitem FROM launch_session WHERE tenant_id = ?"
                + (resource.isPresent() ? " AND resource_id = ?" : "") + (since.isPresent() ? " AND started >= ?" : "")
                + (before.isPresent() ? " AND started < ?" : "")
                + " ORDER BY started DESC, registration FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection()) {
            List<LaunchReport> sessions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, tenant);
                if (resource.isPresent()) {
                    ps.setObject(i++, resource.get());
                }
                if (since.isPresent()) {
                    ps.setObject(i++, OutboxJobs.utc(since.get()));
                }
                if (before.isPresent()) {
                    ps.setObject(i++, OutboxJobs.utc(before.get()));
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID registration = rs.getObject(1, UUID.class);
                        sessions.add(new LaunchReport(registration, rs.getObject(2, UUID.class), rs.getString(3),
                                Optional.ofNullable(rs.getString(4)), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                                OutboxJobs.instant(rs.getTimestamp(8)), Optional.ofNullable(rs.getString(9)),
                                rs.getString(10) != null, scores(c, registration)));
                    }
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw new IllegalStateException("reading launch sessions failed: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> scores(Connection c, UUID registration) throws SQLException {
        List<Map<String, Object>> scores = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, outcome, status, attempts, last_error, delivered"
                + " FROM outbox_job WHERE registration = ? ORDER BY id")) {
            ps.setObject(1, registration);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("job", rs.getLong(1));
                    s.put("outcome", rs.getString(2));
                    s.put("status", rs.getString(3));
                    s.put("attempts", rs.getInt(4));
                    s.put("lastError", rs.getString(5));
                    s.put("delivered", OutboxJobs.instant(rs.getTimestamp(6)).map(Instant::toString).orElse(null));
                    scores.add(s);
                }
            }
        }
        return scores;
    }
}
