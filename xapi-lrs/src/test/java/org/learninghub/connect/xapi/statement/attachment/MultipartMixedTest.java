package org.learninghub.connect.xapi.statement.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class MultipartMixedTest {

    @Test
    void writtenPartsParseBackByteForByte() {
        byte[] binary = {0, 13, 10, '-', '-', (byte) 0xff, 10};
        String[] boundary = new String[1];
        byte[] body = MultipartMixed.write(List.of(
                new Part(Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)),
                new Part(Map.of("Content-Type", "application/octet-stream", "X-Experience-API-Hash", "h"), binary)), boundary);
        List<Part> parts = MultipartMixed.parse(body, boundary[0]);
        assertEquals(2, parts.size());
        assertEquals("application/json", parts.get(0).header("Content-Type").orElseThrow());
        assertArrayEquals(binary, parts.get(1).body());
        assertEquals("h", parts.get(1).header("x-experience-api-hash").orElseThrow());
    }

    @Test
    void missingClosingBoundaryIsA400() {
        byte[] body = "--b\r\nContent-Type: text/plain\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII);
        assertThrows(XapiException.class, () -> MultipartMixed.parse(body, "b"));
    }
}
