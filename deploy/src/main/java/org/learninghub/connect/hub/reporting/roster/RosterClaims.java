package org.learninghub.connect.hub.reporting.roster;

import static org.learninghub.connect.hub.reporting.roster.RosterContexts.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which node fetches which course: a due course is taken with {@code FOR UPDATE SKIP LOCKED} and leased by moving
 * its next fetch forward (see {@code V102__roster_import.sql}), in a transaction that ends before the platform is
 * called; a failed fetch gives the course back, due again after its backoff.
 */
@ApplicationScoped
public class RosterClaims {

    static final int MAX_ERROR = 1000;

    @Inject
    DataSource dataSource;

    /** Takes the most overdue course (launched from within {@link RosterSettings#IDLE_CONTEXT}) for {@code lease}. */
    Optional<ClaimedRoster> claim(Instant now, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<ClaimedRoster> claimed = claim(c, now, lease);
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static Optional<ClaimedRoster> claim(Connection c, Instant now, Duration lease) throws SQLException {
        Long id = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM roster_context WHERE next_fetch <= ?"
                + " AND last_launch > ? ORDER BY next_fetch, id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            ps.setObject(1, utc(now));
            ps.setObject(2, utc(now.minus(RosterSettings.IDLE_CONTEXT)));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        UUID claim = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("UPDATE roster_context SET next_fetch = ?, claim = ?,"
                + " attempts = attempts + 1 WHERE id = ?")) {
            ps.setObject(1, utc(now.plus(lease)));
            ps.setObject(2, claim);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT rc.tenant_id, rc.platform_id, p.issuer,"
                + " rc.memberships_url, rc.attempts FROM roster_context rc"
                + " JOIN platform_registration p ON p.id = rc.platform_id WHERE rc.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(new ClaimedRoster(id, claim, rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)));
            }
        }
    }

    /** The fetch failed: due again at {@code next}, the error kept for administrators. */
    void failed(ClaimedRoster roster, String error, Instant next) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE roster_context SET next_fetch = ?, claim = NULL,"
                     + " last_error = ? WHERE id = ? AND claim = ?")) {
            ps.setObject(1, utc(next));
            ps.setString(2, cut(error));
            ps.setLong(3, roster.id());
            ps.setObject(4, roster.claim());
            ps.executeUpdate();
        }
    }

    static String cut(String error) {
        StringBuilder clean = new StringBuilder(Math.min(error.length(), MAX_ERROR));
        for (int i = 0; i < error.length() && clean.length() < MAX_ERROR; i++) {
            char ch = error.charAt(i);
            clean.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return clean.toString();
    }
}
