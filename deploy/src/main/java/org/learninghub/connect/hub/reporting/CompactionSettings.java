package org.learninghub.connect.hub.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code hub.report.compaction.interval.seconds}: how often each node runs a compaction pass; 0 never. */
@ApplicationScoped
public class CompactionSettings {

    static final long MIN_SECONDS = 10;
    static final long MAX_SECONDS = 7 * 24 * 3600;

    @Inject
    @ConfigProperty(name = "hub.report.compaction.interval.seconds", defaultValue = "300")
    long intervalSeconds;

    /** The time between two passes, clamped to 10 s .. 7 days; empty when compaction is switched off (0 or less). */
    public Optional<Duration> interval() {
        return interval(intervalSeconds);
    }

    static Optional<Duration> interval(long seconds) {
        if (seconds <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds))));
    }
}
