package org.learninghub.connect.xapi.statement.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Told about statements inside the transaction that stores them, on the same connection, so whatever it writes
 * (an outbox row) commits or rolls back with them. The deploying application implements it (any number of CDI
 * beans). Only statements stored for the first time are passed: a statement sent again with the same id is not.
 * An exception rolls the whole request back, so a listener must refuse nothing it does not mean to.
 */
public interface StatementListener {

    /**
     * @param voidedBeforeArrival the ids among {@code statements} whose voiding statement was stored before them or
     *                            arrives in the same request (such a statement is stored voided), and the targets of the
     *                            voiding statements among them
     */
    void stored(Connection connection, long tenant, List<NewStatement> statements, Set<UUID> voidedBeforeArrival)
            throws SQLException;
}
