package org.learninghub.connect.hub.bridge.rejection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Restriction;
import org.learninghub.connect.xapi.http.Refusal;
import org.learninghub.connect.xapi.http.RefusalListener;

/**
 * Keeps each refusal of a launch credential (ordinary credentials are not logged: their callers see their own
 * errors) in {@code launch_rejection}, at most {@code hub.bridge.rejections.per.credential} rows per credential,
 * the oldest dropped. Runs in its own transaction, after the refused request's has rolled back.
 */
@ApplicationScoped
public class RejectionLog implements RefusalListener {

    /** Setting: how many refusals are kept per launch credential (1 to 1000). */
    static final String PER_CREDENTIAL = "hub.bridge.rejections.per.credential";

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = PER_CREDENTIAL, defaultValue = "50")
    int perCredential;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(LrsPrincipal principal, Refusal refusal) {
        if (principal.restriction().isEmpty()) {
            return;
        }
        if (perCredential < 1 || perCredential > 1000) {
            throw new IllegalStateException(PER_CREDENTIAL + " must be 1 to 1000, not " + perCredential);
        }
        Restriction r = principal.restriction().get();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO launch_rejection (cred_key, registration,"
                    + " tenant_id, status, rule, path, method, target, excerpt, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, principal.key());
                ps.setObject(2, r.registration());
                ps.setLong(3, principal.tenantId());
                ps.setInt(4, refusal.status());
                ps.setString(5, refusal.rule());
                ps.setString(6, refusal.path());
                ps.setString(7, refusal.method());
                ps.setString(8, refusal.target());
                ps.setString(9, refusal.excerpt());
                ps.setObject(10, Instant.now().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM launch_rejection WHERE cred_key = ? AND id NOT IN"
                    + " (SELECT id FROM launch_rejection WHERE cred_key = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY)")) {
                ps.setString(1, principal.key());
                ps.setString(2, principal.key());
                ps.setInt(3, perCredential);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("keeping a rejection failed: " + e.getMessage(), e);
        }
    }

    /** The code of the trust of the launch session with this registration; empty when there is none. */
    public Optional<String> trustOf(UUID registration) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT t.code FROM launch_session s"
                     + " JOIN trust t ON t.id = s.tenant_id WHERE s.registration = ?")) {
            ps.setObject(1, registration);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a launch session failed: " + e.getMessage(), e);
        }
    }

    /** The refusals of every credential of one launch session, newest first. */
    public List<Rejection> of(UUID registration, int limit) {
        List<Rejection> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, cred_key, created, status, rule, path, method, target,"
                     + " excerpt FROM launch_rejection WHERE registration = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setObject(1, registration);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rejection(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading rejections failed: " + e.getMessage(), e);
        }
        return out;
    }
}
