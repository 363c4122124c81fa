package org.learninghub.connect.hub.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.learninghub.connect.lti.keys.KeyProtection;

/**
 * At start-up, after the schema is current: finds the tool-key secret (generating the embedded database's
 * one) and has the tool check it against the stored keys, re-encrypting them if the secret changed. Bean
 * managed transactions: the key protection commits its own local transaction. A failure does not stop the
 * deployment; it leaves the {@code tool-keys} readiness check DOWN with the reason, which is also logged.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class ToolKeysStartup {

    private static final Logger LOG = Logger.getLogger(ToolKeysStartup.class.getName());

    @Inject
    HubToolKeySecrets secrets;

    @Inject
    KeyProtection protection;

    @Inject
    DataSource dataSource;

    @PostConstruct
    void start() {
        long begin = System.nanoTime();
        try {
            secrets.resolve(embeddedDatabase());
            KeyProtection.Status status = protection.prepare();
            LOG.info(() -> "Tool keys checked in " + (System.nanoTime() - begin) / 1_000_000 + " ms: "
                    + (status.ready() ? "ready" : "unavailable"));
        } catch (RuntimeException e) {
            LOG.severe(() -> "Tool keys unavailable: their protection could not be checked: " + e);
        }
    }

    private boolean embeddedDatabase() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable at start-up", e);
        }
    }
}
