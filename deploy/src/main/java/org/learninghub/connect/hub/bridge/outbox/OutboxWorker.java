package org.learninghub.connect.hub.bridge.outbox;

import jakarta.annotation.PostConstruct;
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

    @PostConstruct
    void start() {
        long interval = settings.interval().toMillis();
        task = executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
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
