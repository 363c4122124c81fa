package org.learninghub.connect.hub.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.statement.store.NewStatement;
import org.learninghub.connect.xapi.statement.store.StatementListener;

/**
 * Counts the statements a request stored, once its transaction has committed: a request rolled back (a conflict, a
 * failing listener, the database gone) counts nothing. Only statements stored for the first time reach a listener.
 */
@ApplicationScoped
public class StoredStatementCounter implements StatementListener {

    @Inject
    HubMetrics metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void stored(Connection connection, long tenant, List<NewStatement> statements,
                       Set<UUID> voidedBeforeArrival) {
        int count = statements.size();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.statementsStored(count);
                }
            }
        });
    }
}
