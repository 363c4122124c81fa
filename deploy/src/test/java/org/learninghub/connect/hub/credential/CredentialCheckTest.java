package org.learninghub.connect.hub.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.auth.Scope;

/**
 * The credential check's one read, on H2 in PostgreSQL mode: what it reads, and that it is tried once more when its
 * connection fails (the pool can close a connection it has just lent), but not when the SQL itself fails.
 */
class CredentialCheckTest {

    private JdbcDataSource h2;
    private final Deque<SQLException> failures = new ArrayDeque<>();
    private int borrowed;

    @BeforeEach
    void database() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trust (id BIGINT PRIMARY KEY, status VARCHAR(16))");
            s.execute("CREATE TABLE lrs_credential (cred_key VARCHAR(64) PRIMARY KEY, tenant_id BIGINT, name VARCHAR(200),"
                    + " secret_hash VARCHAR(64), scopes VARCHAR(200), expires TIMESTAMP WITH TIME ZONE,"
                    + " revoked TIMESTAMP WITH TIME ZONE, launch_registration UUID)");
            s.execute("INSERT INTO trust VALUES (1, 'ACTIVE')");
            s.execute("INSERT INTO lrs_credential VALUES ('k1', 1, 'content', 'ab', 'statements/write statements/read',"
                    + " NULL, NULL, NULL)");
        }
    }

    @Test
    void readsTheCredentialWithItsTrustsState() {
        CredentialCheck.Stored stored = check().read("k1").orElseThrow();
        assertEquals(1, stored.tenant());
        assertEquals("ab", stored.secretHash());
        assertTrue(stored.scopes().contains(Scope.STATEMENTS_WRITE));
        assertTrue(stored.trustActive());
        assertFalse(stored.revoked());
        assertTrue(check().read("unknown").isEmpty());
    }

    @Test
    void aConnectionClosedUnderTheReadIsReplacedOnce() {
        failures.add(new SQLException("This connection has been closed.", "08003"));
        assertTrue(check().read("k1").isPresent());
        assertEquals(2, borrowed);
    }

    @Test
    void aDatabaseThatStaysDownFailsAfterTheSecondTry() {
        failures.add(new SQLException("Connection refused", "08001"));
        failures.add(new SQLException("Connection refused", "08001"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check().read("k1"));
        assertEquals("08001", ((SQLException) e.getCause()).getSQLState());
        assertEquals(2, borrowed);
    }

    @Test
    void anSqlErrorIsNotRetried() {
        failures.add(new SQLException("relation does not exist", "42P01"));
        assertThrows(IllegalStateException.class, () -> check().read("k1"));
        assertEquals(1, borrowed);
    }

    private CredentialCheck check() {
        CredentialCheck check = new CredentialCheck();
        check.dataSource = new FailingFirst();
        return check;
    }

    /** H2, except that the next queued failure is thrown by the next borrow. */
    private final class FailingFirst implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            borrowed++;
            SQLException next = failures.poll();
            if (next != null) {
                throw next;
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
