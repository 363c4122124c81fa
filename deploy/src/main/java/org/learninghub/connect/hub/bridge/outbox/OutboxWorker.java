package org.learninghub.connect.hub.bridge.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link OutboxDelivery} every {@code hub.outbox.interval.millis} on the server's managed scheduled executor
 * (no EJB timers: under {@code --nohazelcast} they are a dummy service). Every node runs it; the row locks decide
 * which node delivers which job.
 *
 * <p>The rounds begin when this node's JAX-RS runtime has handled its first request ({@link OutboxFirstRequest}),
 * or at the latest {@link #UNSERVED_BEGIN} after the web module started ({@link OutboxStart}), not when this bean
 * is made. Start-up beans are made seconds before the server answers, and a platform's token endpoint checks the
 * Hub's client assertion against the Hub's {@code /lti/jwks}: delivering earlier, a restarted single node was
 * refused by the platform until it answered, every refusal a counted attempt (measured in {@code OutboxRestartIT}:
 * four of ten attempts spent in four seconds; beginning at the web module's start still spent one).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxWorker {

    /** A node nobody sends a request to (no load balancer probing it) begins this long after its web module. */
    static final Duration UNSERVED_BEGIN = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxSettings settings;

    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;

    /** Schedules the rounds, once (whoever calls first): the first one interval from now. */
    public void begin() {
        if (begun.compareAndSet(false, true)) {
            long interval = settings.interval().toMillis();
            task = executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** The web module has started: begin at the latest after {@link #UNSERVED_BEGIN}. */
    public void webModuleStarted() {
        executor.schedule(this::begin, UNSERVED_BEGIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the rounds have begun (a request filter asks on every request: a volatile read). */
    public boolean begun() {
        return begun.get();
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
