package org.learninghub.connect.hub.reporting.roster;

import static org.learninghub.connect.hub.reporting.roster.RosterContexts.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A course's roster into the compliance roll-up, by JDBC, each step its own short transaction: a fetch's learners
 * replacing the roster (written only under the fetch's claim, {@link RosterClaims}), and a course's learners enrolled
 * in a resource launched from it after its last fetch.
 */
@ApplicationScoped
public class RosterStore {

    private static final int BATCH = 500;

    @Inject
    DataSource dataSource;

    /**
     * A full fetch's active learners replace the course's roster, and the compliance roll-up follows: new learners
     * are enrolled in every resource launched from the course; learners gone from it leave those resources' counts
     * unless another course still lists them or they launched or completed the resource. Returns false (writing
     * nothing) when the claim was lost: the lease ran out and another node took the course.
     */
    boolean replace(ClaimedRoster roster, SortedSet<String> learners, Instant now, Instant next) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean written = replace(c, roster, learners, now, next);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean replace(Connection c, ClaimedRoster roster, SortedSet<String> learners, Instant now,
                                   Instant next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM roster_context WHERE id = ? AND claim = ?"
                + " FOR UPDATE")) {
            ps.setLong(1, roster.id());
            ps.setObject(2, roster.claim());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        SortedSet<String> before = strings(c, "SELECT learner FROM roster_member WHERE roster_id = ?", roster.id());
        SortedSet<String> gone = new TreeSet<>(before);
        gone.removeAll(learners);
        SortedSet<String> added = new TreeSet<>(learners);
        added.removeAll(before);
        batch(c, "DELETE FROM roster_member WHERE roster_id = ? AND learner = ?", gone, (ps, learner) -> {
            ps.setLong(1, roster.id());
            ps.setString(2, learner);
        });
        batch(c, "INSERT INTO roster_member (roster_id, tenant_id, learner) VALUES (?,?,?)", added, (ps, learner) -> {
            ps.setLong(1, roster.id());
            ps.setLong(2, roster.tenant());
            ps.setString(3, learner);
        });
        for (Link link : links(c, roster.id())) {
            // A resource linked since the last fetch has none of the course's learners yet; the others lack the new.
            enrol(c, roster.tenant(), link.resource(), link.applied() ? added : learners, now);
            unenrol(c, roster.tenant(), link.resource(), gone);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE roster_resource SET applied = TRUE"
                + " WHERE roster_id = ? AND applied = FALSE")) {
            ps.setLong(1, roster.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE roster_context SET next_fetch = ?, claim = NULL,"
                + " attempts = 0, fetched = ?, members = ?, last_error = NULL WHERE id = ?")) {
            ps.setObject(1, utc(next));
            ps.setObject(2, utc(now));
            ps.setInt(3, learners.size());
            ps.setLong(4, roster.id());
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * Enrols the roster of already fetched courses in resources launched from them since (up to {@code limit}
     * links); a course not fetched yet is enrolled by its first fetch. Returns how many links were handled.
     */
    int enrolNewLinks(Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<NewLink> links = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT roster_id, tenant_id, resource_id"
                        + " FROM roster_resource WHERE applied = FALSE AND roster_id IN"
                        + " (SELECT id FROM roster_context WHERE fetched IS NOT NULL)"
                        + " ORDER BY roster_id, resource_id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            links.add(new NewLink(rs.getLong(1), rs.getObject(3, UUID.class)));
                        }
                    }
                }
                for (NewLink link : links) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_enrolment (tenant_id,"
                            + " resource_id, learner, enrolled, completed) SELECT tenant_id, ?, learner, ?, NULL"
                            + " FROM roster_member WHERE roster_id = ? ORDER BY learner ON CONFLICT DO NOTHING");
                         PreparedStatement done = c.prepareStatement("UPDATE roster_resource SET applied = TRUE"
                                 + " WHERE roster_id = ? AND resource_id = ?")) {
                        ps.setObject(1, link.resource());
                        ps.setObject(2, utc(now));
                        ps.setLong(3, link.roster());
                        ps.executeUpdate();
                        done.setLong(1, link.roster());
                        done.setObject(2, link.resource());
                        done.executeUpdate();
                    }
                }
                c.commit();
                return links.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private record Link(UUID resource, boolean applied) {
    }

    private record NewLink(long roster, UUID resource) {
    }

    private static List<Link> links(Connection c, long roster) throws SQLException {
        List<Link> links = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT resource_id, applied FROM roster_resource"
                + " WHERE roster_id = ? ORDER BY resource_id FOR UPDATE")) {
            ps.setLong(1, roster);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(rs.getObject(1, UUID.class), rs.getBoolean(2)));
                }
            }
        }
        return links;
    }

    private static void enrol(Connection c, long tenant, UUID resource, SortedSet<String> learners, Instant now)
            throws SQLException {
        batch(c, "INSERT INTO report_enrolment (tenant_id, resource_id, learner, enrolled, completed)"
                + " VALUES (?,?,?,?,NULL) ON CONFLICT DO NOTHING", learners, (ps, learner) -> {
                    ps.setLong(1, tenant);
                    ps.setObject(2, resource);
                    ps.setString(3, learner);
                    ps.setObject(4, utc(now));
                });
    }

    /** Takes out enrolments that rested on this roster alone (no other course lists them, no launch or completion). */
    private static void unenrol(Connection c, long tenant, UUID resource, SortedSet<String> learners)
            throws SQLException {
        batch(c, "DELETE FROM report_enrolment WHERE tenant_id = ? AND resource_id = ? AND learner = ?"
                + " AND completed IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM roster_member m JOIN roster_resource r ON r.roster_id = m.roster_id"
                + " WHERE m.tenant_id = report_enrolment.tenant_id AND m.learner = report_enrolment.learner"
                + " AND r.resource_id = report_enrolment.resource_id)"
                + " AND NOT EXISTS (SELECT 1 FROM report_outcome o WHERE o.tenant_id = report_enrolment.tenant_id"
                + " AND o.resource_id = report_enrolment.resource_id AND o.learner = report_enrolment.learner"
                + " AND o.kind IN ('L', 'C'))", learners, (ps, learner) -> {
                    ps.setLong(1, tenant);
                    ps.setObject(2, resource);
                    ps.setString(3, learner);
                });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, String learner) throws SQLException;
    }

    private static void batch(Connection c, String sql, SortedSet<String> learners, Binder binder)
            throws SQLException {
        if (learners.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (String learner : learners) {
                binder.bind(ps, learner);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                ps.executeBatch();
            }
        }
    }

    private static SortedSet<String> strings(Connection c, String sql, long id) throws SQLException {
        SortedSet<String> values = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
