package org.learninghub.connect.lti.deeplink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code lti_deep_link_session} table; a session is answered once: {@link #take} deletes it. */
@ApplicationScoped
public class DeepLinkSessions {

    @Inject
    DataSource dataSource;

    public void add(DeepLinkSession s) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into lti_deep_link_session (id, registration_id,"
                     + " deployment_id, return_url, accept_types, accept_multiple, data, expires)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, s.id());
            st.setLong(2, s.registrationId());
            st.setString(3, s.deploymentId());
            st.setString(4, s.returnUrl().toString());
            // Accept types are tokens such as "ltiResourceLink"; a space cannot occur in one.
            st.setString(5, String.join(" ", s.acceptTypes()));
            st.setBoolean(6, s.acceptMultiple());
            st.setString(7, s.data().orElse(null));
            st.setObject(8, s.expires().atOffset(ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a deep linking session", e);
        }
    }

    /** The session, left in place (a search within the picker). */
    public Optional<DeepLinkSession> peek(String id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a deep linking session", e);
        }
    }

    /** The session, deleted in the same step, so a second submission finds nothing. */
    public Optional<DeepLinkSession> take(String id) {
        try (Connection c = dataSource.getConnection()) {
            Optional<DeepLinkSession> found = read(c, id);
            if (found.isEmpty()) {
                return found;
            }
            DeepLinkSession session = found.get();
            try (PreparedStatement del = c.prepareStatement("delete from lti_deep_link_session where id = ?")) {
                del.setString(1, id);
                return del.executeUpdate() == 1 ? Optional.of(session) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a deep linking session", e);
        }
    }

    private static Optional<DeepLinkSession> read(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select id, registration_id, deployment_id, return_url,"
                + " accept_types, accept_multiple, data, expires from lti_deep_link_session where id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeepLinkSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                        URI.create(rs.getString(4)), Arrays.asList(rs.getString(5).split(" ")), rs.getBoolean(6),
                        Optional.ofNullable(rs.getString(7)), rs.getObject(8, OffsetDateTime.class).toInstant()));
            }
        }
    }

    public void purgeExpired(Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("delete from lti_deep_link_session where expires < ?")) {
            st.setObject(1, now.atOffset(ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge deep linking sessions", e);
        }
    }
}
