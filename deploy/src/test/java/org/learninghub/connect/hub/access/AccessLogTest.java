package org.learninghub.connect.hub.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineIsOneJsonObjectWithTheFieldsInOrder() throws Exception {
        String line = AccessLog.line(new AccessEntry(Instant.parse("2026-03-02T10:00:00.123Z"), "abc", "GET",
                "/xapi/statements", "since=2026-01-01", 200, 12L, 345L, "127.0.0.1", "0123abcd"));
        assertEquals("{\"time\":\"2026-03-02T10:00:00.123Z\",\"id\":\"abc\",\"method\":\"GET\",\"path\":\"/xapi/statements\","
                + "\"query\":\"since=2026-01-01\",\"status\":200,\"durationMs\":12,\"bytes\":345,"
                + "\"remote\":\"127.0.0.1\",\"caller\":\"0123abcd\"}", line);
    }

    @Test
    void unknownFieldsAreLeftOutAndHostileTextStaysOnOneLine() throws Exception {
        String line = AccessLog.line(new AccessEntry(Instant.EPOCH, "abc", "GET", "/a\r\n{\"forged\":1}\u2028", null,
                401, 3L, null, "::1", null));
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
        JsonNode read = JSON.readTree(line);
        assertEquals("/a\r\n{\"forged\":1}\u2028", read.get("path").asText());
        assertFalse(read.has("query") || read.has("bytes") || read.has("caller"));
    }

    @Test
    void anIncomingRequestIdIsKeptOnlyWhenShortAndPlain() {
        assertEquals("req-42_a", AccessLog.incomingId("req-42_a"));
        assertEquals(24, AccessLog.incomingId("x".repeat(65)).length());
        assertEquals(24, AccessLog.incomingId("a b").length());
        assertEquals(24, AccessLog.incomingId("ä").length());
        assertEquals(24, AccessLog.incomingId(null).length());
        assertTrue(AccessLog.incomingId("").matches("[0-9a-f]{24}"));
    }

    @Test
    void theSettingIsOnOrOff() {
        assertTrue(AccessLog.parse("on"));
        assertTrue(AccessLog.parse(" ON "));
        assertFalse(AccessLog.parse("off"));
        assertFalse(AccessLog.parse("false"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AccessLog.parse("sometimes"));
        assertTrue(e.getMessage().contains("hub.access-log"), e.getMessage());
    }
}
