package org.learninghub.connect.hub.reporting.roster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.learninghub.connect.hub.bridge.outbox.OutboxWorker;

/**
 * Runs {@link RosterImport} every {@code hub.roster.interval.millis} on the server's managed scheduled executor, on
 * every node (the database claims decide which node fetches which course). A round does nothing until the outbox's
 * rounds have begun: both call the platform with a client assertion the platform checks against this node's
 * {@code /lti/jwks}, which answers only from then on (see {@link OutboxWorker}).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "OutboxWorker"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RosterWorker {

    private static final Logger LOG = Logger.getLogger(RosterWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RosterImport importer;

    @Inject
    RosterSettings settings;

    @Inject
    OutboxWorker outbox;

    private volatile ScheduledFuture<?> task;

    @PostConstruct
    void schedule() {
        long interval = settings.interval().toMillis();
        task = executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** A failing round must not end the schedule (an exception would cancel it). */
    private void round() {
        if (!outbox.begun()) {
            return;
        }
        try {
            importer.round();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "roster: an import round failed; the next one tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
