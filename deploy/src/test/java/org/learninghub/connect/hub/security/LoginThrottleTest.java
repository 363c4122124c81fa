package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.testing.MutableClock;

class LoginThrottleTest {

    @Test
    void aUserGetsFreeFailuresThenADoublingWait() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
            assertEquals(Optional.empty(), throttle.retryAfter("alice", "10.0.0." + i));
            throttle.failed("alice", "10.0.0." + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("alice", "10.0.0.99"));
        throttle.failed("alice", "10.0.0.99");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.retryAfter("alice", "10.0.0.99"));
        assertEquals(Optional.empty(), throttle.retryAfter("bob", "10.0.0.98"), "other users are not slowed");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "10.0.0.99"), "the wait ends");
    }

    @Test
    void anAddressGuessingManyNamesIsSlowedAndASuccessDoesNotResetIt() {
        LoginThrottle throttle = new LoginThrottle(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        throttle.succeeded("someone-valid");
        assertTrue(throttle.retryAfter("fresh-name", "192.0.2.1").isPresent());
        assertEquals(Optional.empty(), throttle.retryAfter("fresh-name", "192.0.2.2"));
    }

    @Test
    void anAddressMayBeGivenALargerBudget() {
        LoginThrottle throttle = new LoginThrottle(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), 50);
        for (int i = 0; i < 49; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        assertEquals(Optional.empty(), throttle.retryAfter("fresh-name", "192.0.2.1"));
        throttle.failed("user49", "192.0.2.1");
        assertTrue(throttle.retryAfter("fresh-name", "192.0.2.1").isPresent());
    }

    @Test
    void theWaitIsCappedAndFailuresAreForgottenAfterTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 60; i++) {
            throttle.failed("alice", "a" + i);
        }
        assertEquals(Optional.of(LoginThrottle.MAX_BACKOFF), throttle.retryAfter("alice", "b"));
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "b"));
    }

    @Test
    void aSuccessClearsTheUser() {
        LoginThrottle throttle = new LoginThrottle(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "a" + i);
        }
        throttle.succeeded("alice");
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "z"));
    }
}
