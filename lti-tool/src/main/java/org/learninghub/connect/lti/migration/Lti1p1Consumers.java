package org.learninghub.connect.lti.migration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.learninghub.connect.lti.keys.KeyProtection;

/**
 * The LTI 1.1 consumer key and secret of each platform registration that has one (table
 * {@code lti_lti1p1_consumer}); the secret sealed at rest like the tool's private keys ({@link KeyProtection}).
 * The deploying application sets them from its admin API; launches read them.
 */
@ApplicationScoped
public class Lti1p1Consumers {

    public static final int MAX_KEY = 255;
    public static final int MAX_SECRET = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    KeyProtection protection;

    /** Sets (or replaces) the registration's LTI 1.1 consumer key and secret. */
    public void set(long registrationId, String consumerKey, String secret) {
        String sealed = protection.sealSecret(secret);
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("update lti_lti1p1_consumer set consumer_key = ?, secret = ?,"
                    + " protection = ?, updated = ? where registration_id = ?")) {
                s.setString(1, consumerKey);
                s.setString(2, sealed);
                s.setString(3, KeyProtection.SEALED);
                s.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                s.setLong(5, registrationId);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("insert into lti_lti1p1_consumer (registration_id,"
                        + " consumer_key, secret, protection, updated) values (?, ?, ?, ?, ?)")) {
                    s.setLong(1, registrationId);
                    s.setString(2, consumerKey);
                    s.setString(3, sealed);
                    s.setString(4, KeyProtection.SEALED);
                    s.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store an LTI 1.1 consumer", e);
        }
    }

    public void remove(long registrationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from lti_lti1p1_consumer where registration_id = ?")) {
            s.setLong(1, registrationId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove an LTI 1.1 consumer", e);
        }
    }

    /** The registration's consumer key only (what the admin API shows; the secret is never shown). */
    public Optional<String> consumerKey(long registrationId) {
        return row(registrationId).map(r -> r[0]);
    }

    /** The registration's consumer with its secret opened. */
    public Optional<Lti1p1Consumer> find(long registrationId) {
        return row(registrationId).map(r -> new Lti1p1Consumer(registrationId, r[0], protection.openSecret(r[1])));
    }

    private Optional<String[]> row(long registrationId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select consumer_key, secret from lti_lti1p1_consumer where registration_id = ?")) {
            s.setLong(1, registrationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an LTI 1.1 consumer", e);
        }
    }
}
