package org.learninghub.connect.hub.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Short-lived LRS credentials bound to one launch session: made by the launch bridge at every launch, checked
 * like any other credential, and confined by the session ({@link LaunchRestrictions}). Written with JDBC in the
 * caller's transaction, so a launch that fails leaves no credential behind.
 */
@ApplicationScoped
public class LaunchCredentials {

    /** Every launch credential is named so (its authority shows the session); its session is in launch_registration. */
    static final String NAME_PREFIX = "launch ";
    /** What launched content needs: record, read back its own statements, keep its State. */
    static final String SCOPES = "state statements/read/mine statements/write";

    @Inject
    DataSource dataSource;

    /** A key and secret for the session, usable until {@code expires}; the secret is never stored. */
    public Issued issue(long tenant, UUID registration, Instant now, Instant expires) {
        String key = CredentialSecret.newKey();
        String secret = CredentialSecret.newSecret();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO lrs_credential (cred_key, tenant_id, name, secret_hash,"
                     + " scopes, created, expires, launch_registration) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, key);
            ps.setLong(2, tenant);
            ps.setString(3, NAME_PREFIX + registration);
            ps.setString(4, CredentialSecret.hash(secret));
            ps.setString(5, SCOPES);
            ps.setObject(6, now.atOffset(ZoneOffset.UTC));
            ps.setObject(7, expires.atOffset(ZoneOffset.UTC));
            ps.setObject(8, registration);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("issuing a launch credential failed: " + e.getMessage(), e);
        }
        return new Issued(key, secret, expires);
    }

    /** A new launch credential: the secret travels once, in the launch parameters. */
    public record Issued(String key, String secret, Instant expires) {
    }
}
