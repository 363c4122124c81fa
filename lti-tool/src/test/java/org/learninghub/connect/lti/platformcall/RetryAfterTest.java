package org.learninghub.connect.lti.platformcall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void delaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(Optional.of("120"), NOW));
    }

    @Test
    void httpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(Optional.of("Sun, 01 Mar 2026 10:00:30 GMT"), NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Sun, 01 Mar 2026 09:00:00 GMT"), NOW));
    }

    @Test
    void hugeDelaysAreKeptHugeSoTheBudgetRefusesThem() {
        assertEquals(Optional.of(Duration.ofSeconds(999_999_999L)), RetryAfter.parse(Optional.of("99999999999999"), NOW));
    }

    @Test
    void anythingElseIsIgnored() {
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("soon"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("-5"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("1".repeat(41)), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), NOW));
    }
}
