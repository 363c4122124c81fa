package org.learninghub.connect.hub.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.JsonReadLimits;

/** The admin API reads JSON within the same constraints as the LRS, and refuses duplicate keys. */
class HubObjectMapperTest {

    @Test
    void duplicateKeysAreRefused() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> HubObjectMapper.MAPPER.readTree("{\"name\":\"a\",\"name\":\"b\"}"));
        assertTrue(e.getOriginalMessage().contains("Duplicate field"), e.getOriginalMessage());
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        int depth = JsonReadLimits.DEFAULT_NESTING_DEPTH + 1;
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> HubObjectMapper.MAPPER.readValue("[".repeat(depth) + "]".repeat(depth), JsonNode.class));
        assertTrue(e.getOriginalMessage().contains("nesting depth"), e.getOriginalMessage());
    }
}
