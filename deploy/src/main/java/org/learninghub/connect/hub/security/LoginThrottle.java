package org.learninghub.connect.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backoff after repeated failed sign-ins, per user name and per client address: a few free failures,
 * then each further one doubles the wait (up to {@link #MAX_BACKOFF}). Failures are forgotten after
 * {@link #WINDOW} without one. A success clears only its user name, never its address, so a caller with
 * one valid credential cannot reset the count of guesses made from its address.
 *
 * <p>Kept per server node: across N nodes a guesser gets N times the budget, which still bounds it.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES_PER_USER = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory under a flood of made-up user names. */
    static final int MAX_ENTRIES = 50_000;

    private record Failures(int count, Instant last) {
        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeFailuresPerAddress;

    public LoginThrottle(Clock clock) {
        this(clock, FREE_FAILURES_PER_ADDRESS);
    }

    /** With another budget of free failures per client address (many users behind one proxy need more). */
    public LoginThrottle(Clock clock, int freeFailuresPerAddress) {
        if (freeFailuresPerAddress < 1) {
            throw new IllegalArgumentException("the free failures per address must be at least 1");
        }
        this.clock = clock;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
    }

    /** How long this user name or address must wait before its next attempt, if it must. */
    public Optional<Duration> retryAfter(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor("u:" + user, FREE_FAILURES_PER_USER, now),
                waitFor("a:" + address, freeFailuresPerAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            forgetOldest(now);
        }
        for (String key : new String[] {"u:" + user, "a:" + address}) {
            failures.compute(key, (k, f) -> f == null || expired(f, now) ? new Failures(1, now) : f.plusOne(now));
        }
    }

    public void succeeded(String user) {
        failures.remove("u:" + user);
    }

    private Duration waitFor(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || expired(f, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - free, 20);
        Duration backoff = Duration.ofSeconds(1L << doublings);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        Duration left = Duration.between(now, f.last().plus(backoff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean expired(Failures f, Instant now) {
        return f.last().plus(WINDOW).isBefore(now);
    }

    private void forgetOldest(Instant now) {
        failures.values().removeIf(f -> expired(f, now));
        if (failures.size() >= MAX_ENTRIES) {
            failures.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getValue().last()))
                    .limit(MAX_ENTRIES / 10)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(failures::remove);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
