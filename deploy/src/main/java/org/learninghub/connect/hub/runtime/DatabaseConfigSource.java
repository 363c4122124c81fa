package org.learninghub.connect.hub.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the JDBC settings of the Hub's datasource from the operator-facing keys
 * ({@code hub.db.url}, {@code hub.db.user}, {@code hub.db.password}, {@code hub.data.dir} and the
 * {@code hub.db.*} timeouts).
 *
 * <p>{@code @DataSourceDefinition} can only read plain config values, but the driver class, the
 * connection validator and the embedded default URL all depend on whether {@code hub.db.url} is set,
 * so the derivation lives here, once. With no {@code hub.db.url} the Hub uses an H2 file database under
 * {@code hub.data.dir}, in PostgreSQL compatibility mode so one set of migrations serves both.
 */
public class DatabaseConfigSource implements ConfigSource {

    public static final String JDBC_CLASS = "hub.jdbc.class";
    public static final String JDBC_URL = "hub.jdbc.url";
    public static final String JDBC_USER = "hub.jdbc.user";
    public static final String JDBC_PASSWORD = "hub.jdbc.password";
    /** Milliseconds a request waits for a pooled connection before it is refused (503). */
    public static final String JDBC_POOL_WAIT_MILLIS = "hub.jdbc.pool-wait-millis";
    /** Seconds a connection may be held before Payara logs it as leaked (0: off). */
    public static final String JDBC_LEAK_TIMEOUT = "hub.jdbc.leak-timeout";

    static final String DEFAULT_DATA_DIR = "./data";
    /**
     * WRITE_DELAY=0: H2 otherwise keeps committed changes in memory for up to half a second before
     * writing them, so a process killed right after a commit lost what it had answered as stored
     * (seen in EmbeddedDatabaseRestartIT).
     */
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    private static final Set<String> NAMES = Set.of(JDBC_CLASS, JDBC_URL, JDBC_USER, JDBC_PASSWORD,
            JDBC_POOL_WAIT_MILLIS, JDBC_LEAK_TIMEOUT);

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public Map<String, String> getProperties() {
        // Values are derived on lookup; listing them here would read config while config is being built.
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!NAMES.contains(propertyName)) {
            return null;
        }
        Optional<String> dbUrl = setting("hub.db.url");
        return switch (propertyName) {
            case JDBC_URL -> dbUrl.map(url -> tuned(url, DatabaseTimeouts.fromConfig()))
                    .orElseGet(DatabaseConfigSource::embeddedUrl);
            case JDBC_CLASS -> driverClassFor(dbUrl.orElse("jdbc:h2:"));
            case JDBC_USER -> setting("hub.db.user").orElse(dbUrl.isPresent() ? "postgres" : "hub");
            case JDBC_PASSWORD -> setting("hub.db.password").orElse(dbUrl.isPresent() ? "" : "hub");
            case JDBC_POOL_WAIT_MILLIS -> Long.toString(DatabaseTimeouts.fromConfig().poolWait().toMillis());
            case JDBC_LEAK_TIMEOUT -> Long.toString(DatabaseTimeouts.fromConfig().leakTimeout().toSeconds());
            default -> null;
        };
    }

    static String driverClassFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new IllegalArgumentException(
                "hub.db.url must be a jdbc:postgresql: or jdbc:h2: URL, got: " + jdbcUrl);
    }

    /**
     * PostgreSQL URLs get, unless they set the parameter themselves:
     * <ul>
     * <li>{@code reWriteBatchedInserts=true}: the driver sends a JDBC batch (a request's statements and
     * their link rows) as multi-row INSERTs, not one per row;</li>
     * <li>{@code connectTimeout}, {@code loginTimeout}, {@code socketTimeout}: a database host that
     * drops packets or accepts and never answers costs a bounded wait, not a thread for ever;</li>
     * <li>{@code tcpKeepAlive=true}: idle pooled connections through a firewall or NAT stay open, and a
     * peer that vanished is noticed;</li>
     * <li>{@code options=-c statement_timeout=… -c lock_timeout=…}: the server cancels a statement that
     * runs or waits for a lock too long, so a slow query or a held lock answers 503, never a hang.</li>
     * </ul>
     */
    static String tuned(String jdbcUrl, DatabaseTimeouts t) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        addUnlessSet(url, "reWriteBatchedInserts", "true");
        addUnlessSet(url, "connectTimeout", Long.toString(t.connect().toSeconds()));
        addUnlessSet(url, "loginTimeout", Long.toString(t.connect().toSeconds() * 2));
        addUnlessSet(url, "socketTimeout", Long.toString(t.socket().toSeconds()));
        addUnlessSet(url, "tcpKeepAlive", "true");
        addUnlessSet(url, "ApplicationName", "learning-hub-connect");
        addUnlessSet(url, "options", URLEncoder.encode("-c statement_timeout=" + t.statement().toMillis()
                + " -c lock_timeout=" + t.lock().toMillis(), StandardCharsets.UTF_8).replace("+", "%20"));
        return url.toString();
    }

    private static void addUnlessSet(StringBuilder url, String parameter, String value) {
        String query = url.indexOf("?") < 0 ? "" : url.substring(url.indexOf("?") + 1);
        for (String pair : query.split("&")) {
            if (pair.startsWith(parameter + "=")) {
                return;
            }
        }
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=').append(value);
    }

    private static String embeddedUrl() {
        Path dir = Path.of(setting("hub.data.dir").orElse(DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + dir.resolve("hub") + H2_OPTIONS;
    }

    static Optional<String> setting(String key) {
        return ConfigProvider.getConfig(DatabaseConfigSource.class.getClassLoader())
                .getOptionalValue(key, String.class)
                .filter(v -> !v.isBlank());
    }

    @Override
    public int getOrdinal() {
        // Below every standard source, so an operator can still set hub.jdbc.* directly.
        return 50;
    }

    @Override
    public String getName() {
        return "hub-database-defaults";
    }
}
