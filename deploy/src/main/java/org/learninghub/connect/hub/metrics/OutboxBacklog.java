package org.learninghub.connect.hub.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The score outbox's backlog as gauges: jobs pending and failed, and the age of the oldest pending one. Read with one
 * query over the {@code outbox_job_due} index (status first), at most once per {@link #FRESH}, however often
 * {@code /metrics} is scraped. The query runs on the application's managed executor (a scrape arrives on the metrics
 * endpoint's thread, outside the application) and a scrape waits for it at most {@link #WAIT}; until a reading
 * exists, and while the database cannot be read, the gauges show NaN. Every node reads the same table: take the
 * maximum across nodes, not the sum.
 */
@ApplicationScoped
public class OutboxBacklog {

    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class.getName());

    static final Metadata PENDING = Metadata.builder().withName("hub.outbox.pending")
            .withDescription("Score jobs waiting for delivery to the LMS (status pending)").build();
    static final Metadata FAILED = Metadata.builder().withName("hub.outbox.failed")
            .withDescription("Score jobs that used up their attempts (status failed; an administrator retries them)")
            .build();
    static final Metadata OLDEST = Metadata.builder().withName("hub.outbox.oldest.pending.seconds")
            .withDescription("Age in seconds of the oldest pending score job (0 when none is pending)").build();

    /** One reading of the table; NaN fields when it could not be read. */
    record Reading(double pending, double failed, double oldestSeconds, Instant at) {
        static final Reading NONE = new Reading(Double.NaN, Double.NaN, Double.NaN, Instant.EPOCH);
    }

    @Inject
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedExecutorService executor;

    private final Clock clock = Clock.systemUTC();
    private volatile Reading last = Reading.NONE;
    private Future<?> refreshing;

    void register() {
        registry.gauge(PENDING, () -> current().pending());
        registry.gauge(FAILED, () -> current().failed());
        registry.gauge(OLDEST, () -> current().oldestSeconds());
    }

    /** The last reading, first renewed (waiting a bounded time) when it is older than {@link #FRESH}. */
    Reading current() {
        Reading now = last;
        if (Duration.between(now.at(), clock.instant()).compareTo(FRESH) < 0) {
            return now;
        }
        Future<?> running = refresh();
        try {
            running.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The previous reading stands; the refresh logs its own failure.
        }
        return last;
    }

    /** One refresh at a time: scrapes arriving together share it. */
    private synchronized Future<?> refresh() {
        if (refreshing == null || refreshing.isDone()) {
            refreshing = executor.submit(this::read);
        }
        return refreshing;
    }

    private void read() {
        Instant at = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*), MIN(created) FROM outbox_job"
                     + " WHERE status IN ('pending', 'failed') GROUP BY status")) {
            double pending = 0;
            double failed = 0;
            double oldest = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("pending".equals(rs.getString(1))) {
                        pending = rs.getLong(2);
                        Timestamp created = rs.getTimestamp(3);
                        oldest = created == null ? 0 : Math.max(0, Duration.between(created.toInstant(), at).toSeconds());
                    } else {
                        failed = rs.getLong(2);
                    }
                }
            }
            last = new Reading(pending, failed, oldest, at);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "outbox backlog: reading failed", e);
            last = new Reading(Double.NaN, Double.NaN, Double.NaN, at);
        }
    }
}
