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

/**
 * Links of a learner's LTI 1.1 user_id to their LTI 1.3 sub on one platform (table
 * {@code lti_lti1p1_user_link}), so the Hub can continue the history the 1.1 integration recorded. Only
 * {@link Lti1p1Migration} writes them, after the launch's signature verified.
 */
@ApplicationScoped
public class Lti1p1UserLinks {

    @Inject
    DataSource dataSource;

    /** Records (or re-records) the link; the latest verified launch wins. */
    void link(String issuer, String sub, long registrationId, String consumerKey, String lti11UserId) {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 1; ; attempt++) {
                if (update(c, issuer, sub, registrationId, consumerKey, lti11UserId) > 0) {
                    return;
                }
                try (PreparedStatement s = c.prepareStatement("insert into lti_lti1p1_user_link (issuer, sub,"
                        + " registration_id, consumer_key, lti11_user_id, linked) values (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, issuer);
                    s.setString(2, sub);
                    s.setLong(3, registrationId);
                    s.setString(4, consumerKey);
                    s.setString(5, lti11UserId);
                    s.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                    s.executeUpdate();
                    return;
                } catch (SQLException duplicate) {
                    // Another launch of the same learner inserted first: update theirs (once).
                    if (attempt >= 2) {
                        throw duplicate;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record an LTI 1.1 user link", e);
        }
    }

    /** The LTI 1.1 user_id linked to this platform user, if a verified launch linked one. */
    public Optional<String> lti11UserId(String issuer, String sub) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select lti11_user_id from lti_lti1p1_user_link where issuer = ? and sub = ?")) {
            s.setString(1, issuer);
            s.setString(2, sub);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an LTI 1.1 user link", e);
        }
    }

    private static int update(Connection c, String issuer, String sub, long registrationId, String consumerKey,
                              String lti11UserId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update lti_lti1p1_user_link set registration_id = ?,"
                + " consumer_key = ?, lti11_user_id = ?, linked = ? where issuer = ? and sub = ?")) {
            s.setLong(1, registrationId);
            s.setString(2, consumerKey);
            s.setString(3, lti11UserId);
            s.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
            s.setString(5, issuer);
            s.setString(6, sub);
            return s.executeUpdate();
        }
    }
}
