package org.learninghub.connect.hub.bridge.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link OutboxDelivery} every {@code hub.outbox.interval.millis} on the server's managed scheduled executor
 * (no EJB timers: under {@code --nohazelcast} they are a dummy service). Every node runs it; the row locks decide
 * which node delivers which job.
 *
 * <p>It begins only once the web module has started ({@link OutboxStart}), not when this bean is made: start-up
 * beans are made seconds before the server answers requests, and a platform's token endpoint checks the Hub's
 * client assertion against the Hub's {@code /lti/jwks}. Delivering earlier, a restarted single node was refused by
 * every platform until it answered, each refusal a counted attempt (measured: four of ten in four seconds, see
 * {@code OutboxRestartIT}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxSettings settings;

    private ScheduledFuture<?> task;

    /** Schedules the rounds, once; the first one after one interval. */
    public void begin() {
        if (task == null) {
            long interval = settings.interval().toMillis();
            task = executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** A failing round must not end the schedule (an exception would cancel it). */
    private void round() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox: a delivery round failed; the next one tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
