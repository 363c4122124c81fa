package org.learninghub.connect.hub.bridge.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code hub.outbox.*} settings, each bounded so a typo cannot stop delivery or flood a platform. */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "hub.outbox.interval.millis", defaultValue = "5000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "hub.outbox.batch", defaultValue = "20")
    int batch;

    @Inject
    @ConfigProperty(name = "hub.outbox.max.attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "hub.outbox.backoff.base.millis", defaultValue = "30000")
    long backoffBaseMillis;

    @Inject
    @ConfigProperty(name = "hub.outbox.backoff.max.seconds", defaultValue = "21600")
    long backoffMaxSeconds;

    public Duration interval() {
        return Duration.ofMillis(clamp(intervalMillis, 100, 3_600_000));
    }

    public int batch() {
        return (int) clamp(batch, 1, 500);
    }

    public int maxAttempts() {
        return (int) clamp(maxAttempts, 1, 100);
    }

    /** The wait after the n-th failed attempt (n ≥ 1): base × 2^(n-1), at most the maximum. */
    public Duration backoff(int failedAttempts) {
        long base = clamp(backoffBaseMillis, 10, 3_600_000);
        long max = clamp(backoffMaxSeconds, 1, 7 * 24 * 3600) * 1000;
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        return Duration.ofMillis(Math.min(max, base << shift));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
