package org.learninghub.connect.xapi.statement.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class StatementBodyTest {

    static final MediaType MIXED = new MediaType("multipart", "mixed", java.util.Map.of("boundary", "b"));

    static byte[] body(String attachmentHeaders) {
        return ("--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\n" + attachmentHeaders
                + "X-Experience-API-Hash: " + StatementBody.sha256("hi".getBytes(StandardCharsets.UTF_8))
                + "\r\n\r\nhi\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheStatementsAndAttachmentParts() {
        StatementBody body = StatementBody.read(MIXED, body("Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"));
        assertEquals(1, body.attachments().size());
        assertEquals("hi", new String(body.attachments().get(0).content(), StandardCharsets.UTF_8));
    }

    @Test
    void attachmentPartsMustBeBinaryEncoded() {
        XapiException e = assertThrows(XapiException.class,
                () -> StatementBody.read(MIXED, body("Content-Type: text/plain\r\n")));
        assertEquals("Content-Transfer-Encoding", e.path());
    }

    @Test
    void otherMediaTypesAreRefused() {
        XapiException e = assertThrows(XapiException.class,
                () -> StatementBody.read(MediaType.TEXT_PLAIN_TYPE, "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Content-Type", e.path());
    }
}
