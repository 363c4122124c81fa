package org.learninghub.connect.hub.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.hub.runtime.DatabaseFailure;
import org.learninghub.connect.xapi.auth.Scope;

/**
 * What an xAPI request's credential check needs, in one indexed read: the credential, whether its trust is active
 * and, for a launch credential, its session. Plain SQL outside any transaction, because it runs on every xAPI request
 * (through JPA it was a query, a transaction and its commit; a launch credential cost another read).
 * Nothing is cached: a credential revoked on one node must be refused by every node at once.
 */
@ApplicationScoped
class CredentialCheck {

    /** One credential as stored, with its trust's state. */
    record Stored(String key, long tenant, String name, String secretHash, Set<Scope> scopes,
                  Optional<Instant> expires, boolean revoked, boolean trustActive, Optional<UUID> launchRegistration) {

        boolean usable(Instant now) {
            return trustActive && LrsCredential.usable(revoked, expires, now);
        }
    }

    @Inject
    DataSource dataSource;

    /**
     * Tried once more on a connection failure: a read is safe to repeat, and the connection the pool lent can be
     * closed under it (when another of the pool's connections fails, Payara throws them all out), as EclipseLink
     * retries such a read once ({@code JpaRetries}). A database that is really down fails both, and is answered 503.
     */
    Optional<Stored> read(String key) {
        try {
            return query(key);
        } catch (SQLException first) {
            if (DatabaseFailure.of(first).orElse(null) != DatabaseFailure.UNAVAILABLE) {
                throw failed(first);
            }
            try {
                return query(key);
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw failed(second);
            }
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("reading a credential failed: " + e.getMessage(), e);
    }

    private Optional<Stored> query(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.tenant_id, c.name, c.secret_hash, c.scopes, c.expires,"
                     + " c.revoked IS NOT NULL, t.status, c.launch_registration FROM lrs_credential c"
                     + " JOIN trust t ON t.id = c.tenant_id WHERE c.cred_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(key, rs.getLong(1), rs.getString(2), rs.getString(3),
                        LrsCredential.parseScopes(rs.getString(4)),
                        Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        rs.getBoolean(6), "ACTIVE".equals(rs.getString(7)),
                        Optional.ofNullable(rs.getObject(8, UUID.class))));
            }
        }
    }
}
