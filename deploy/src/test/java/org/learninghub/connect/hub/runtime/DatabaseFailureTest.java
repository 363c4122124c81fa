package org.learninghub.connect.hub.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseFailureTest {

    @Test
    void aClosedOrRefusedConnectionIsAnOutage() {
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(
                new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(new PSQLException(
                "Connection to 127.0.0.1:5433 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException())));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE),
                DatabaseFailure.of(new SQLTransientConnectionException("pool")));
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(
                new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void statementAndLockTimeoutsAreTimeouts() {
        assertEquals(Optional.of(DatabaseFailure.TIMED_OUT), DatabaseFailure.of(
                new SQLException("canceling statement due to statement timeout", "57014")));
        assertEquals(Optional.of(DatabaseFailure.TIMED_OUT), DatabaseFailure.of(
                new SQLException("canceling statement due to lock timeout", "55P03")));
    }

    @Test
    void wrappersAreSeenThrough() {
        SQLException pool = new SQLException("Error in allocating a connection",
                new ResourceException("Connection could not be allocated because: Connection refused"));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE),
                DatabaseFailure.of(new EJBException(new IllegalStateException("storing statements failed", pool))));
        SQLException exhausted = new SQLException("Error in allocating a connection", new ResourceException(
                "In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections."));
        assertEquals(Optional.of(DatabaseFailure.TIMED_OUT), DatabaseFailure.of(new RuntimeException(exhausted)));
        SQLException batch = new SQLException("Batch entry 0 was aborted");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(batch));
    }

    @Test
    void aFailedCommitIsAnOutage() {
        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(new jakarta.transaction.TransactionalException(
                "encountered exception during commit", new jakarta.transaction.SystemException())));
    }

    @Test
    void ourOwnFaultsAreNotDatabaseFailures() {
        assertEquals(Optional.empty(), DatabaseFailure.of(new NullPointerException()));
        assertEquals(Optional.empty(), DatabaseFailure.of(new SQLException("duplicate key", "23505")));
        assertEquals(Optional.empty(), DatabaseFailure.of(new SQLException("syntax error", "42601")));
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertEquals(Optional.empty(), DatabaseFailure.of(loop));
    }
}
