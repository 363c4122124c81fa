package org.learninghub.connect.hub.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    @Test
    void unsetKeysTakeTheDefaults() {
        assertEquals(DatabaseTimeouts.DEFAULTS, DatabaseTimeouts.from(key -> null));
    }

    @Test
    void settingsAreSeconds() {
        DatabaseTimeouts t = DatabaseTimeouts.from(Map.of("hub.db.statement-timeout", "120",
                "hub.db.socket-timeout", "150", "hub.db.pool-wait", "2", "hub.db.leak-timeout", "60")::get);
        assertEquals(Duration.ofSeconds(120), t.statement());
        assertEquals(Duration.ofSeconds(150), t.socket());
        assertEquals(Duration.ofSeconds(2), t.poolWait());
        assertEquals(Duration.ofSeconds(60), t.leakTimeout());
        assertEquals(DatabaseTimeouts.DEFAULTS.lock(), t.lock());
    }

    @Test
    void theSocketTimeoutMustOutlastTheStatementTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseTimeouts.from(Map.of("hub.db.statement-timeout", "60")::get));
        assertTrue(e.getMessage().contains("hub.db.socket-timeout"), e.getMessage());
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseTimeouts.from(Map.of("hub.db.lock-timeout", "5s")::get));
        assertTrue(e.getMessage().contains("hub.db.lock-timeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseTimeouts.from(Map.of("hub.db.pool-wait", "0")::get));
    }
}
