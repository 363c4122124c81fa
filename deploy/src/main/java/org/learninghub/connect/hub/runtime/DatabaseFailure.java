package org.learninghub.connect.hub.runtime;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, anywhere in an exception's causes, that the database could not be used right now rather
 * than that the Hub has a bug: the request deserves a 503 with {@code Retry-After}, not a 500.
 *
 * <p>Recognised: JDBC's connection exception types, SQLState class {@code 08} (connection exception),
 * PostgreSQL's {@code 57P01}–{@code 57P03} (server shutting down, crashed, starting up),
 * {@code 53300} (too many connections), {@code 57014} (statement timeout), {@code 55P03} (lock
 * timeout), and a {@link ResourceException} from the connection pool (no connection could be made,
 * or none became free within the pool's wait), and a JTA commit that failed ({@code SystemException},
 * heuristic outcomes). EclipseLink's {@code DatabaseException},
 * transaction and EJB wrappers are seen through because they keep the SQL exception as a cause.
 */
public enum DatabaseFailure {

    /** The database cannot be reached or refuses connections. */
    UNAVAILABLE("the database is unavailable; retry later"),
    /** The database is up but did not finish in time (statement or lock timeout, no free connection). */
    TIMED_OUT("the database did not answer in time; retry later");

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "55P03");
    private static final int MAX_DEPTH = 32;

    private final String rule;

    DatabaseFailure(String rule) {
        this.rule = rule;
    }

    /** What a client is told. */
    public String rule() {
        return rule;
    }

    public static Optional<DatabaseFailure> of(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null; depth++) {
            Optional<DatabaseFailure> found = classify(t);
            if (found.isPresent()) {
                return found;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                found = of(sql.getNextException());
                if (found.isPresent()) {
                    return found;
                }
            }
            t = t.getCause();
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> classify(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return Optional.of(UNAVAILABLE);
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                return Optional.of(UNAVAILABLE);
            }
            if (TIMEOUT_STATES.contains(state)) {
                return Optional.of(TIMED_OUT);
            }
        }
        if (t instanceof SystemException || t instanceof HeuristicMixedException
                || t instanceof HeuristicRollbackException) {
            // The commit itself failed (seen when PostgreSQL was killed mid-commit): the outcome is
            // unknown to us, so it must not be acknowledged; a retry is safe (idempotent writes).
            return Optional.of(UNAVAILABLE);
        }
        if (t instanceof ResourceException) {
            // The pool's own refusal: "could not allocate" (database down) or "max-wait expired".
            String message = String.valueOf(t.getMessage()).toLowerCase();
            return Optional.of(message.contains("max-wait") || message.contains("max-pool-size") ? TIMED_OUT : UNAVAILABLE);
        }
        return Optional.empty();
    }
}
