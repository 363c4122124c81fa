package org.learninghub.connect.hub.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Defines the Hub's datasource and brings its schema up to date before anything else touches it.
 *
 * <p>Each module ships its own migrations under {@code db/migration/<module>} (portable SQL) and,
 * where PostgreSQL and H2 must differ, {@code db/vendor/<vendor>/<module>}. Each module keeps its own
 * history table, so the modules version their schemas independently. Every other start-up bean that
 * uses the database must declare {@code @DependsOn("DatabaseMigrator")}.
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "${MPCONFIG=" + DatabaseConfigSource.JDBC_CLASS + "}",
        url = "${MPCONFIG=" + DatabaseConfigSource.JDBC_URL + "}",
        user = "${MPCONFIG=" + DatabaseConfigSource.JDBC_USER + "}",
        password = "${MPCONFIG=" + DatabaseConfigSource.JDBC_PASSWORD + "}",
        // Two cores: more connections than about 8 per core only queue inside the database instead.
        minPoolSize = 2,
        maxPoolSize = 16,
        // Seconds an unused connection above the minimum stays open.
        maxIdleTime = 300,
        // Payara's pool settings (names from its DataSourceDefinitionDeployer; see src/docs/reliability.md).
        properties = {
            // Check each connection before lending it out; a dead one (database restarted) is replaced, and
            // its failure throws out every other pooled connection too, so none of the dead ones is ever used.
            "fish.payara.is-connection-validation-required=true",
            // The check is "SELECT COUNT(*) FROM <table name>", here a one-row derived table: one round trip, on
            // PostgreSQL and H2 alike. Payara's custom-validation loaded its validator class by name on every borrow,
            // through the web application's class loader, which threw a ClassNotFoundException before asking its
            // parent: 11 % of a State request's CPU (performance.md, "The connection check").
            "fish.payara.connection-validation-method=table",
            "fish.payara.validation-table-name=(SELECT 1) AS pool_check",
            "fish.payara.fail-all-connections=true",
            // On every borrow, although it costs a round trip: checked at most once a second, a connection that
            // PostgreSQL had just ended could reach a write unchecked (performance.md, "The single-statement path").
            // A request waits this long for a free connection, then is answered 503 (Payara's default: 60 s).
            "fish.payara.max-wait-time-in-millis=${MPCONFIG=" + DatabaseConfigSource.JDBC_POOL_WAIT_MILLIS + "}",
            // Development aid: log the stack of a connection held longer than this (0: off).
            "fish.payara.connection-leak-timeout-in-seconds=${MPCONFIG=" + DatabaseConfigSource.JDBC_LEAK_TIMEOUT + "}",
            "fish.payara.connection-leak-reclaim=false"
        })
@Singleton(name = "DatabaseMigrator")
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    public static final String DATASOURCE = "java:app/jdbc/hub";

    /** Modules in dependency order; each owns {@code db/migration/<name>}. */
    static final List<String> MODULES = List.of("hub", "xapi", "lti");

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    private volatile boolean complete;

    @PostConstruct
    void migrate() {
        PoolLogLevels.apply();
        String vendor = vendor();
        for (String module : MODULES) {
            var result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                    .dataSource(MigrationSessions.withoutStatementTimeout(dataSource, vendor))
                    .locations("classpath:db/migration/" + module, "classpath:db/vendor/" + vendor + "/" + module)
                    .table("schema_history_" + module)
                    // Modules after the first find a non-empty schema; they start their own history at 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info(() -> "Schema of module " + module + " at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied)");
        }
        if (vendor.equals("postgresql")) {
            warnWithoutAutovacuum();
        }
        complete = true;
    }

    private void warnWithoutAutovacuum() {
        try (Connection c = dataSource.getConnection()) {
            AutovacuumCheck.warning(c).ifPresent(LOG::warning);
        } catch (SQLException e) {
            LOG.warning(() -> "Could not read PostgreSQL's autovacuum setting: " + e.getMessage());
        }
    }

    /** True once every module's schema is current. */
    public boolean isComplete() {
        return complete;
    }

    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("Database unreachable at start-up: " + e.getMessage(), e);
        }
    }
}
