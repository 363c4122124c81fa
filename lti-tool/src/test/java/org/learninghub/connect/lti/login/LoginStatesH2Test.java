package org.learninghub.connect.lti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login states on the embedded database: expiry holds on read, whenever the purge last ran. */
class LoginStatesH2Test {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final LoginStates states = new LoginStates();
    private JdbcDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:states" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("runscript from 'classpath:/db/migration/lti/V1__tool_keys_logins_nonces_deep_links.sql'");
        }
        states.dataSource = dataSource;
    }

    private static LoginState state(String id, Instant expires) {
        return new LoginState(id, "nonce-" + id, 7, URI.create("https://hub.example/lti/launch"), Optional.empty(),
                Optional.empty(), expires);
    }

    @Test
    void anExpiredStateIsNotFoundEvenBeforeItIsPurged() throws SQLException {
        states.add(state("s1", T0.plusSeconds(60)), T0);
        assertTrue(states.find("s1", T0.plusSeconds(60)).isPresent());
        assertFalse(states.find("s1", T0.plusSeconds(61)).isPresent());
        assertEquals(1, rows());
    }

    @Test
    void thePurgeDeletesExpiredStatesAtMostOncePerInterval() throws SQLException {
        states.add(state("old", T0.plusSeconds(10)), T0);
        states.add(state("live", T0.plusSeconds(600)), T0);
        states.purgeExpired(T0.plusSeconds(11));
        assertEquals(1, rows());
        states.add(state("old2", T0.plusSeconds(12)), T0);
        states.purgeExpired(T0.plusSeconds(20));
        assertEquals(2, rows(), "within 30 s of the last purge nothing is deleted");
        states.purgeExpired(T0.plusSeconds(41));
        assertEquals(1, rows());
        assertTrue(states.find("live", T0.plusSeconds(41)).isPresent());
    }

    private int rows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from lti_login_state")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
