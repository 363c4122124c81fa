package org.learninghub.connect.hub.reporting;

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
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@link PeriodCompaction} pass every {@code hub.report.compaction.interval.seconds} on the server's managed
 * scheduled executor (no EJB timers, as the outbox), on every node: the per-day advisory locks keep nodes off each
 * other's days, and a pass only writes what is missing, so a second node's pass finds little to do.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CompactionWorker {

    private static final Logger LOG = Logger.getLogger(CompactionWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    PeriodCompaction compaction;

    @Inject
    CompactionSettings settings;

    private volatile ScheduledFuture<?> task;

    @PostConstruct
    void schedule() {
        settings.interval().map(Duration::toMillis).ifPresent(every ->
                task = executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS));
    }

    /** A failing pass must not end the schedule (an exception would cancel it). */
    private void pass() {
        try {
            PeriodCompaction.Outcome done = compaction.pass();
            if (done.days() + done.weeks() + done.busy() > 0) {
                LOG.info(() -> "reports: compacted " + done.days() + " days and " + done.weeks() + " weeks ("
                        + done.busy() + " held by writers, left for the next pass); horizon "
                        + done.horizon().map(Object::toString).orElse("none"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reports: a compaction pass failed; the next one tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
