package org.learninghub.connect.hub.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's PostgreSQL sessions carry a {@code statement_timeout} (see {@link DatabaseConfigSource#tuned}),
 * right for requests but not for a migration, which may rewrite or index a large table. Flyway gets
 * the same pool through this wrapper: each connection it takes runs without the statement timeout,
 * and gets the session default back before it returns to the pool. The lock timeout stays: a
 * migration that cannot get its lock fails the start rather than waiting for ever.
 */
final class MigrationSessions {

    private MigrationSessions() {
    }

    static DataSource withoutStatementTimeout(DataSource pool, String vendor) {
        return "postgresql".equals(vendor) ? new Unbounded(pool) : pool;
    }

    private record Unbounded(DataSource pool) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return unbounded(pool.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return unbounded(pool.getConnection(user, password));
        }

        private static Connection unbounded(Connection c) throws SQLException {
            run(c, "SET statement_timeout = 0");
            return (Connection) Proxy.newProxyInstance(MigrationSessions.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ("close".equals(method.getName()) && !c.isClosed()) {
                            try {
                                restore(c);
                            } finally {
                                c.close();
                            }
                            return null;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** Back to the value the session started with (the URL's options) before the pool lends it again. */
        private static void restore(Connection c) throws SQLException {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            run(c, "RESET statement_timeout");
        }

        private static void run(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
