package org.learninghub.connect.lti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void dueOnceThenNotUntilTheIntervalHasPassed() {
        Housekeeping housekeeping = new Housekeeping(Duration.ofSeconds(30));
        assertTrue(housekeeping.due(T0));
        assertFalse(housekeeping.due(T0));
        assertFalse(housekeeping.due(T0.plusSeconds(29)));
        assertTrue(housekeeping.due(T0.plusSeconds(30)));
        assertFalse(housekeeping.due(T0.plusSeconds(31)));
    }

    @Test
    void concurrentCallersGetOneTurnBetweenThem() throws Exception {
        Housekeeping housekeeping = new Housekeeping(Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> housekeeping.due(T0)));
            }
            int turns = 0;
            for (Future<Boolean> call : calls) {
                turns += call.get() ? 1 : 0;
            }
            assertEquals(1, turns);
        } finally {
            pool.shutdown();
        }
    }
}
