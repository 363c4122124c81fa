package org.learninghub.connect.xapi.document;

import java.sql.SQLException;
import java.util.Set;

/**
 * A write attempt lost a race with a concurrent writer of the same document and was rolled back: it tried
 * to create a document another transaction created first (unique violation), or the database chose it as
 * the victim of a deadlock or serialization conflict. Retrying the whole attempt sees the winner's write.
 */
public class WriteRaceLost extends RuntimeException {

    /** SQLSTATEs, the same in PostgreSQL and H2: unique violation, serialization failure, deadlock. */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01");

    public WriteRaceLost(SQLException cause) {
        super("concurrent write of the same document", cause);
    }

    static boolean isRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
