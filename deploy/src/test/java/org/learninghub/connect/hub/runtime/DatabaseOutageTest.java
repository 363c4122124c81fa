package org.learninghub.connect.hub.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.testing.MutableClock;

class DatabaseOutageTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DatabaseOutage outage = new DatabaseOutage(clock, logger());

    @Test
    void anOutageIsLoggedOnceThenOncePerMinuteThenItsEnd() {
        SQLException down = new SQLException("Connection refused", "08001");
        for (int i = 0; i < 500; i++) {
            outage.refused(DatabaseFailure.UNAVAILABLE, down);
        }
        assertEquals(1, warnings(), "one line when it starts, whatever the number of requests");
        assertTrue(outage.ongoing());
        clock.advance(Duration.ofSeconds(61));
        outage.refused(DatabaseFailure.UNAVAILABLE, down);
        outage.refused(DatabaseFailure.UNAVAILABLE, down);
        assertEquals(2, warnings(), "a reminder once a minute");
        assertTrue(records.get(1).getMessage().contains("501 requests"), records.get(1).getMessage());
        outage.reachable();
        assertFalse(outage.ongoing());
        assertEquals(Level.INFO, records.get(2).getLevel());
        assertTrue(records.get(2).getMessage().contains("after 61 s"), records.get(2).getMessage());
        outage.reachable();
        assertEquals(3, records.size(), "no line when nothing was wrong");
    }

    @Test
    void noStackTraceAtWarning() {
        outage.refused(DatabaseFailure.TIMED_OUT, new SQLException("canceling statement due to lock timeout", "55P03"));
        assertEquals(null, records.get(0).getThrown());
        assertTrue(records.get(0).getMessage().contains("lock timeout"), records.get(0).getMessage());
    }

    private long warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).count();
    }

    private Logger logger() {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return log;
    }
}
