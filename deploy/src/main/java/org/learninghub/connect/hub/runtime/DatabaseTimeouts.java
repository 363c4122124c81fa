package org.learninghub.connect.hub.runtime;

import java.time.Duration;
import java.util.function.Function;

/**
 * Every bound on a wait for the database, from the operator's {@code hub.db.*} settings (seconds).
 * Each default is chosen so that a request never waits longer than about half a minute for the
 * database, whatever the database does; {@code src/docs/reliability.md} gives the reasons.
 *
 * @param connect     TCP connect to the database ({@code connectTimeout}); the login may take twice this
 * @param socket      longest silence on an open connection before the driver gives up ({@code socketTimeout});
 *                    always longer than {@code statement}, so the server's own cancel comes first
 * @param statement   PostgreSQL {@code statement_timeout} for every statement of the Hub's sessions
 * @param lock        PostgreSQL {@code lock_timeout}: longest wait for a row or table lock
 * @param poolWait    longest wait for a free pooled connection before the request is answered 503
 * @param leakTimeout a connection held longer than this is logged as leaked with its stack (0: off)
 */
public record DatabaseTimeouts(Duration connect, Duration socket, Duration statement, Duration lock,
                               Duration poolWait, Duration leakTimeout) {

    public static final DatabaseTimeouts DEFAULTS = new DatabaseTimeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(45), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ZERO);

    public DatabaseTimeouts {
        for (Duration d : new Duration[] {connect, socket, statement, lock, poolWait}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("hub.db.* timeouts must be at least 1 second");
            }
        }
        if (leakTimeout.isNegative()) {
            throw new IllegalArgumentException("hub.db.leak-timeout must be 0 (off) or more seconds");
        }
        if (socket.compareTo(statement) <= 0) {
            throw new IllegalArgumentException("hub.db.socket-timeout (" + socket.toSeconds()
                    + " s) must be longer than hub.db.statement-timeout (" + statement.toSeconds()
                    + " s): the database must cancel a slow statement before the driver drops the connection");
        }
    }

    /** The settings from MicroProfile Config, each falling back to its default. */
    public static DatabaseTimeouts fromConfig() {
        return from(key -> DatabaseConfigSource.setting(key).orElse(null));
    }

    static DatabaseTimeouts from(Function<String, String> settings) {
        DatabaseTimeouts d = DEFAULTS;
        return new DatabaseTimeouts(
                seconds(settings, "hub.db.connect-timeout", d.connect),
                seconds(settings, "hub.db.socket-timeout", d.socket),
                seconds(settings, "hub.db.statement-timeout", d.statement),
                seconds(settings, "hub.db.lock-timeout", d.lock),
                seconds(settings, "hub.db.pool-wait", d.poolWait),
                seconds(settings, "hub.db.leak-timeout", d.leakTimeout));
    }

    private static Duration seconds(Function<String, String> settings, String key, Duration fallback) {
        String value = settings.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of seconds, got: " + value);
        }
    }
}
