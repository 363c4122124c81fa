package org.learninghub.connect.hub.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the log once that the database became unusable, then at most once a minute how long it has
 * lasted and how many requests were refused, and once that it answers again: an outage of a minute
 * under load is three lines, not a stack trace per request.
 *
 * <p>One per JVM (the exception mappers are created by the runtime, the readiness check by CDI, and
 * both must see the same outage). Thread-safe; the first refusal of an outage wins the race to log.
 */
public final class DatabaseOutage {

    public static final DatabaseOutage INSTANCE = new DatabaseOutage(Clock.systemUTC(),
            Logger.getLogger(DatabaseOutage.class.getName()));

    static final Duration REMIND_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Logger log;
    private Instant since;
    private Instant lastLogged;
    private long refused;

    DatabaseOutage(Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
    }

    /** A request was answered 503 because of this database failure. */
    public void refused(DatabaseFailure failure, Throwable error) {
        Instant now = clock.instant();
        String message;
        synchronized (this) {
            refused++;
            if (since == null) {
                since = now;
                lastLogged = now;
                message = "Database failure (" + failure + ": " + rootMessage(error)
                        + "); requests are answered 503 with Retry-After until it answers again";
            } else if (Duration.between(lastLogged, now).compareTo(REMIND_EVERY) >= 0) {
                lastLogged = now;
                message = "Database still failing after " + Duration.between(since, now).toSeconds() + " s ("
                        + failure + ": " + rootMessage(error) + "); " + refused + " requests answered 503 so far";
            } else {
                message = null;
            }
        }
        if (message != null) {
            log.warning(message);
            log.log(Level.FINE, "Database failure in full", error);
        }
    }

    /** The database answered a check: if an outage was under way, say that it is over. */
    public void reachable() {
        Instant now = clock.instant();
        String message;
        synchronized (this) {
            if (since == null) {
                return;
            }
            message = "Database answering again after " + Duration.between(since, now).toSeconds() + " s; "
                    + refused + " requests were answered 503";
            since = null;
            lastLogged = null;
            refused = 0;
        }
        log.info(message);
    }

    /** True between the first refusal and the next successful check. */
    public synchronized boolean ongoing() {
        return since != null;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
