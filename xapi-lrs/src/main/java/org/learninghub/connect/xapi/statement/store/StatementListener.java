package org.learninghub.connect.xapi.statement.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told about statements inside the transaction that stores them, on the same connection, so whatever it writes
 * (an outbox row) commits or rolls back with them. The deploying application implements it (any number of CDI
 * beans). Only statements stored for the first time are passed: a statement sent again with the same id is not.
 * An exception rolls the whole request back, so a listener must refuse nothing it does not mean to.
 */
public interface StatementListener {

    void stored(Connection connection, long tenant, List<NewStatement> statements) throws SQLException;
}
