package org.learninghub.connect.xapi.statement.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class StatementBodyTest {

    static final AttachmentLimits LIMITS = new AttachmentLimits(1024 * 1024, 1024 * 1024, 10);

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonBodiesHaveNoAttachments() {
        try (StatementBody body = StatementBody.read(MediaType.APPLICATION_JSON_TYPE, stream("{\"a\":1}"), -1, LIMITS)) {
            assertEquals(1, body.json().get("a").asInt());
            assertTrue(body.attachments().isEmpty());
        }
    }

    @Test
    void multipartBodiesAreReadAsParts() {
        String body = "--b\r\nContent-Type: application/json\r\n\r\n[]\r\n--b--\r\n";
        try (StatementBody read = StatementBody.read(new MediaType("multipart", "mixed", Map.of("boundary", "b")),
                stream(body), body.length(), LIMITS)) {
            assertTrue(read.json().isArray());
        }
    }

    @Test
    void multipartWithoutBoundaryIsRefused() {
        XapiException e = assertThrows(XapiException.class,
                () -> StatementBody.read(new MediaType("multipart", "mixed"), stream("{}"), -1, LIMITS));
        assertEquals("Content-Type", e.path());
    }

    @Test
    void otherMediaTypesAreRefused() {
        XapiException e = assertThrows(XapiException.class,
                () -> StatementBody.read(MediaType.TEXT_PLAIN_TYPE, stream("{}"), -1, LIMITS));
        assertEquals("Content-Type", e.path());
    }
}
