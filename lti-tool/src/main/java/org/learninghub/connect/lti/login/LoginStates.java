package org.learninghub.connect.lti.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code lti_login_state} table: kept in the database, not in memory, so a launch may land on any node
 * and after a restart. A state is used once: {@link #take} deletes it.
 */
@ApplicationScoped
public class LoginStates {

    @Inject
    DataSource dataSource;

    private final Housekeeping housekeeping = new Housekeeping(Duration.ofSeconds(30));

    public void add(LoginState s, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into lti_login_state (state, nonce, registration_id,"
                     + " target_link_uri, storage_target, created, expires) values (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, s.state());
            st.setString(2, s.nonce());
            st.setLong(3, s.registrationId());
            st.setString(4, s.targetLinkUri().toString());
            st.setString(5, s.storageTarget().orElse(null));
            st.setObject(6, now.atOffset(ZoneOffset.UTC));
            st.setObject(7, s.expires().atOffset(ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a login state", e);
        }
    }

    /** The state if it was started and has not expired: expired rows may linger until the next purge. */
    public Optional<LoginState> find(String state, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select state, nonce, registration_id, target_link_uri,"
                     + " storage_target, storage_proof, expires from lti_login_state where state = ? and expires >= ?")) {
            st.setString(1, state);
            st.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoginState(rs.getString(1), rs.getString(2), rs.getLong(3),
                        URI.create(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)), rs.getObject(7, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a login state", e);
        }
    }

    /** Deletes the state; true only for the one caller that deleted it, so two launches cannot share it. */
    public boolean take(String state) {
        return update("delete from lti_login_state where state = ?", state);
    }

    /** Records the proof a cookieless launch must bring back; only once per state. */
    public boolean setStorageProof(String state, String proof) {
        return update("update lti_login_state set storage_proof = ? where state = ? and storage_proof is null"
                + " and storage_target is not null", proof, state);
    }

    /** Removes states that expired unused; logins call it, and it deletes at most every 30 s on a node. */
    public void purgeExpired(Instant now) {
        if (!housekeeping.due(now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("delete from lti_login_state where expires < ?")) {
            st.setObject(1, now.atOffset(ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge login states", e);
        }
    }

    private boolean update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update a login state", e);
        }
    }
}
