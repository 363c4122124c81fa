package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aUserGetsFreeFailuresThenADoublingWait() {
        Ticking clock = new Ticking();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
            assertEquals(Optional.empty(), throttle.retryAfter("alice", "10.0.0." + i));
            throttle.failed("alice", "10.0.0." + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("alice", "10.0.0.99"));
        throttle.failed("alice", "10.0.0.99");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.retryAfter("alice", "10.0.0.99"));
        assertEquals(Optional.empty(), throttle.retryAfter("bob", "10.0.0.98"), "other users are not slowed");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "10.0.0.99"), "the wait ends");
    }

    @Test
    void anAddressGuessingManyNamesIsSlowedAndASuccessDoesNotResetIt() {
        LoginThrottle throttle = new LoginThrottle(new Ticking());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        throttle.succeeded("someone-valid");
        assertTrue(throttle.retryAfter("fresh-name", "192.0.2.1").isPresent());
        assertEquals(Optional.empty(), throttle.retryAfter("fresh-name", "192.0.2.2"));
    }

    @Test
    void theWaitIsCappedAndFailuresAreForgottenAfterTheWindow() {
        Ticking clock = new Ticking();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 60; i++) {
            throttle.failed("alice", "a" + i);
        }
        assertEquals(Optional.of(LoginThrottle.MAX_BACKOFF), throttle.retryAfter("alice", "b"));
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "b"));
    }

    @Test
    void aSuccessClearsTheUser() {
        LoginThrottle throttle = new LoginThrottle(new Ticking());
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "a" + i);
        }
        throttle.succeeded("alice");
        assertEquals(Optional.empty(), throttle.retryAfter("alice", "z"));
    }
}
