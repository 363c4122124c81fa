package org.learninghub.connect.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway PostgreSQL cluster that the fault tests own and may restart, stop or kill: never the
 * machine's shared one. Its data directory ({@code hub.faults.pg.dir}, default
 * {@code /tmp/hub-faults-pg-<port>}) is created with {@code initdb} on first use; it listens on
 * 127.0.0.1:{@code hub.faults.pg.port} (default 5433) only, with trust authentication for local use.
 * When the tests run as root, PostgreSQL's tools run as the {@code postgres} user.
 */
final class FaultCluster {

    static final String DATABASE = "hub_faults";

    private final int port = Integer.getInteger("hub.faults.pg.port", 5433);
    private final Path bin = Path.of(System.getProperty("hub.faults.pg.bin", newestInstalledBin()));
    private final Path dir = Path.of(System.getProperty("hub.faults.pg.dir",
            System.getProperty("java.io.tmpdir") + "/hub-faults-pg-" + port)).toAbsolutePath();
    private final boolean root = "root".equals(System.getProperty("user.name"));

    /** The server tools of the newest PostgreSQL Debian's packages installed (what .ci/run installs). */
    private static String newestInstalledBin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(java.util.Comparator.comparingInt(FaultCluster::majorVersion))
                    .map(v -> v.resolve("bin").toString())
                    .orElse("/usr/lib/postgresql/15/bin");
        } catch (IOException e) {
            return "/usr/lib/postgresql/15/bin";
        }
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates the cluster if it does not exist, starts it if it is not running, creates the database. */
    FaultCluster ensureRunning() {
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (root) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            pg("initdb", "-D", dir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        }
        if (!accepting()) {
            start();
        }
        try (Connection c = connect("postgres")) {
            boolean exists = c.createStatement().executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next();
            if (!exists) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the fault cluster's database", e);
        }
        return this;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    void start() {
        pg("pg_ctl", "-D", dir.toString(), "-w", "-t", "120", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /** A routine restart: clients are disconnected, the server is back at once. */
    void restart() {
        pg("pg_ctl", "-D", dir.toString(), "-w", "-t", "120", "-m", "fast", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "restart");
    }

    void stopFast() {
        pg("pg_ctl", "-D", dir.toString(), "-w", "-m", "fast", "stop");
    }

    /** Like a crash or a power cut of the database host: no checkpoint, recovery from WAL at the next start. */
    void stopImmediate() {
        pg("pg_ctl", "-D", dir.toString(), "-w", "-m", "immediate", "stop");
    }

    boolean accepting() {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + "?connectTimeout=2&socketTimeout=30", "postgres", "");
    }

    private void pg(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the Hub answers {@code /health/ready} with UP; returns how long that took from {@code since}. */
    static Duration awaitReady(HubClient hub, Instant since, Duration atMost) {
        while (Duration.between(since, Instant.now()).compareTo(atMost) < 0) {
            try {
                var ready = hub.get("/health/ready");
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return Duration.between(since, Instant.now());
                }
            } catch (UncheckedIOException notAnswering) {
                // keep polling
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the Hub was not ready again within " + atMost);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
