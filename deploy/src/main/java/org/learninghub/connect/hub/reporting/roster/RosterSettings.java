package org.learninghub.connect.hub.reporting.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code hub.roster.*} settings, each clamped so a typo can neither stop imports nor flood a platform. */
@ApplicationScoped
public class RosterSettings {

    /** A course not launched from for this long is no longer refreshed (its last roster stays). */
    static final Duration IDLE_CONTEXT = Duration.ofDays(180);

    @Inject
    @ConfigProperty(name = "hub.roster.refresh.hours", defaultValue = "24")
    long refreshHours;

    @Inject
    @ConfigProperty(name = "hub.roster.interval.millis", defaultValue = "10000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "hub.roster.backoff.base.millis", defaultValue = "60000")
    long backoffBaseMillis;

    @Inject
    @ConfigProperty(name = "hub.roster.max.members", defaultValue = "50000")
    int maxMembers;

    /** The least time between two fetches of one course's membership. */
    public Duration refresh() {
        return Duration.ofHours(clamp(refreshHours, 1, 24 * 30));
    }

    /** How often each node looks for due courses. */
    public Duration interval() {
        return Duration.ofMillis(clamp(intervalMillis, 100, 3_600_000));
    }

    /** Most members one course may list; a larger membership is refused whole (the last roster stays). */
    public int maxMembers() {
        return (int) clamp(maxMembers, 1, 1_000_000);
    }

    /** The wait after the n-th failed fetch in a row (n ≥ 1): base × 2^(n-1), never longer than the refresh. */
    public Duration backoff(int failedAttempts) {
        return backoff(clamp(backoffBaseMillis, 10, 3_600_000), refresh(), failedAttempts);
    }

    static Duration backoff(long baseMillis, Duration max, int failedAttempts) {
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        return Duration.ofMillis(Math.min(max.toMillis(), baseMillis << shift));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
