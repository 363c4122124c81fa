package org.learninghub.connect.xapi.statement.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.statement.store.Attachment;

class MultipartStatementsTest {

    static final AttachmentLimits LIMITS = new AttachmentLimits(64L * 1024 * 1024, 32L * 1024 * 1024, 100);
    static final String HASH = StatementBody.HASH_HEADER;

    /** A request body as a client writes it: CRLF + "--" + boundary before every part but the first. */
    static final class Body {
        final String boundary;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body(String boundary) {
            this.boundary = boundary;
        }

        Body part(String headers, byte[] content) {
            out.writeBytes(ascii((out.size() == 0 ? "" : "\r\n") + "--" + boundary + "\r\n" + headers + "\r\n"));
            out.writeBytes(content);
            return this;
        }

        Body statements(String json) {
            return part("Content-Type: application/json\r\n", json.getBytes(StandardCharsets.UTF_8));
        }

        Body attachment(String hash, byte[] content) {
            return part("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n" + HASH + ": " + hash
                    + "\r\n", content);
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
            return all.toByteArray();
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    static StatementBody read(Body body, AttachmentLimits limits) {
        byte[] bytes = body.bytes();
        return MultipartStatements.read(new ByteArrayInputStream(bytes), body.boundary, bytes.length, limits);
    }

    static byte[] content(Attachment a) throws IOException {
        try (InputStream in = a.content().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFirstPartIsTheStatementsAndTheOthersAreAttachmentsNamedByTheirHash() throws Exception {
        byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
        try (StatementBody body = read(new Body("b").statements("[{\"a\":1}]").attachment(hex("SHA-256", hi).toUpperCase(), hi), LIMITS)) {
            assertEquals(1, body.json().get(0).get("a").asInt());
            assertEquals(1, body.attachments().size());
            Attachment a = body.attachments().get(0);
            assertEquals(hex("SHA-256", hi), a.sha2(), "stored under its lower-case hex");
            assertEquals("application/octet-stream", a.contentType());
            assertArrayEquals(hi, content(a));
        }
    }

    @Test
    void theDelimiterIsCrlfDashDashBoundarySoBoundaryLookalikesInBinaryContentAreContent() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(7).nextBytes(binary);
        byte[] lookalikes = ascii("--z\n--z\r--z--\r\n-z--zz");
        for (int at = 0; at + lookalikes.length < binary.length; at += 10_007) {
            System.arraycopy(lookalikes, 0, binary, at, lookalikes.length);
        }
        for (int i = 0; i + 4 < binary.length; i++) {
            if (binary[i] == '\r' && binary[i + 1] == '\n' && binary[i + 2] == '-' && binary[i + 3] == '-' && binary[i + 4] == 'z') {
                binary[i] = 0;
            }
        }
        try (StatementBody body = read(new Body("z").statements("{}").attachment(hex("SHA-256", binary), binary), LIMITS)) {
            assertArrayEquals(binary, content(body.attachments().get(0)));
        }
    }

    @Test
    void sha384AndSha512PartHashesAreCheckedAgainstTheBytes() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        try (StatementBody body = read(new Body("b").statements("{}").attachment(hex("SHA-384", a), a)
                .attachment(hex("SHA-512", b), b), LIMITS)) {
            assertEquals(hex("SHA-384", a), body.attachments().get(0).sha2());
            assertEquals(hex("SHA-512", b), body.attachments().get(1).sha2());
        }
        for (String algorithm : new String[] {"SHA-224", "SHA-256", "SHA-384", "SHA-512"}) {
            XapiException e = assertThrows(XapiException.class,
                    () -> read(new Body("b").statements("{}").attachment(hex(algorithm, a), b), LIMITS));
            assertEquals(HASH, e.path());
            assertTrue(e.getMessage().contains("does not have the " + algorithm + " hash"), e.getMessage());
        }
    }

    @Test
    void aPartHashThatIsNoSha2HexDigestIsRefused() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        for (String hash : new String[] {hex("SHA-1", a), hex("SHA-256", a).replace('a', 'g'), hex("SHA-256", a) + "0"}) {
            XapiException e = assertThrows(XapiException.class, () -> read(new Body("b").statements("{}").attachment(hash, a), LIMITS));
            assertEquals(HASH, e.path(), hash);
        }
        XapiException missing = assertThrows(XapiException.class, () -> read(new Body("b").statements("{}")
                .part("Content-Transfer-Encoding: binary\r\n", a), LIMITS));
        assertEquals(HASH, missing.path());
    }

    @Test
    void attachmentPartsMustBeBinaryEncoded() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        XapiException e = assertThrows(XapiException.class, () -> read(new Body("b").statements("{}")
                .part(HASH + ": " + hex("SHA-256", a) + "\r\nContent-Transfer-Encoding: base64\r\n", a), LIMITS));
        assertEquals("Content-Transfer-Encoding", e.path());
    }

    @Test
    void theFirstPartMustBeJson() {
        XapiException e = assertThrows(XapiException.class,
                () -> read(new Body("b").part("Content-Type: text/plain\r\n", ascii("{}")), LIMITS));
        assertEquals("Content-Type", e.path());
    }

    @Test
    void anAttachmentMediaTypeLongerThanItsColumnIsRefused() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        XapiException e = assertThrows(XapiException.class, () -> read(new Body("b").statements("{}")
                .part("Content-Type: text/" + "x".repeat(300) + "\r\nContent-Transfer-Encoding: binary\r\n" + HASH + ": "
                        + hex("SHA-256", a) + "\r\n", a), LIMITS));
        assertEquals("Content-Type", e.path());
    }

    @Test
    void moreThanTheMostPartsIsRefusedBeforeTheRestIsParsed() throws Exception {
        byte[] x = {'x'};
        Body body = new Body("b").statements("{}");
        for (int i = 1; i < 101; i++) {
            body.attachment(hex("SHA-256", x), x);
        }
        // Past part 100 the body is not multipart at all: parsing on would refuse it as malformed instead.
        body.out.writeBytes(ascii("\r\n--b\r\nno header separator" + "x".repeat(200_000)));
        byte[] bytes = body.out.toByteArray();
        CountingStream in = new CountingStream(bytes);
        XapiException e = assertThrows(XapiException.class,
                () -> MultipartStatements.read(in, "b", bytes.length, new AttachmentLimits(LIMITS.requestBytes(), LIMITS.partBytes(), 100)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertTrue(e.getMessage().contains("at most 100 parts"), e.getMessage());
        assertEquals(bytes.length, in.read, "the rest of the body is drained, so the client gets its answer");
    }

    @Test
    void twoHundredThousandTinyPartsAreRefusedByTheCountRule() throws Exception {
        byte[] x = {'x'};
        Body body = new Body("b").statements("{}");
        for (int i = 1; i < 200_000; i++) {
            body.attachment(hex("SHA-256", x), x);
        }
        XapiException e = assertThrows(XapiException.class, () -> read(body, LIMITS));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertEquals("multipart/mixed", e.path());
    }

    @Test
    void aPartOverThePerPartLimitIsRefused() throws Exception {
        byte[] big = new byte[1001];
        XapiException e = assertThrows(XapiException.class, () -> read(new Body("b").statements("{}")
                .attachment(hex("SHA-256", big), big), new AttachmentLimits(100_000, 1000, 10)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertTrue(e.getMessage().contains("hub.limit.attachment.part-bytes"), e.getMessage());
        XapiException json = assertThrows(XapiException.class, () -> read(new Body("b")
                .statements("\"" + "s".repeat(1000) + "\""), new AttachmentLimits(100_000, 1000, 10)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, json.status(), "the statements part too");
    }

    @Test
    void aRequestDeclaredLongerThanTheTotalLimitIsRefusedWithoutReadingOrDrainingIt() {
        CountingStream in = new CountingStream(new byte[10]);
        XapiException e = assertThrows(XapiException.class,
                () -> MultipartStatements.read(in, "b", 5000, new AttachmentLimits(4096, 4096, 10)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertTrue(e.getMessage().contains("hub.limit.attachments.bytes"), e.getMessage());
        assertEquals(0, in.read);
    }

    @Test
    void aChunkedRequestIsStoppedAtTheTotalLimit() throws Exception {
        byte[] part = new byte[3000];
        String hash = hex("SHA-256", part);
        byte[] bytes = new Body("b").statements("{}").attachment(hash, part).attachment(hash, part).bytes();
        XapiException e = assertThrows(XapiException.class,
                () -> MultipartStatements.read(new ByteArrayInputStream(bytes), "b", -1, new AttachmentLimits(5000, 4000, 10)));
        assertEquals(Status.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertTrue(e.getMessage().contains("hub.limit.attachments.bytes"), e.getMessage());
    }

    @Test
    void aBodyWithoutItsCloseDelimiterIsRefused() {
        byte[] bytes = ascii("--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\nContent-Transfer-Encoding: binary\r\n"
                + HASH + ": " + "0".repeat(64) + "\r\n\r\nhello");
        XapiException e = assertThrows(XapiException.class,
                () -> MultipartStatements.read(new ByteArrayInputStream(bytes), "b", -1, LIMITS));
        assertEquals(Status.BAD_REQUEST, e.status());
    }

    @Test
    void aBodyWithoutTheBoundaryIsRefused() {
        XapiException e = assertThrows(XapiException.class,
                () -> MultipartStatements.read(new ByteArrayInputStream(ascii("{}")), "b", 2, LIMITS));
        assertEquals("Content-Type", e.path());
    }

    @Test
    void boundariesOutsideRfc2046AreRefused() {
        for (String boundary : new String[] {"", "x".repeat(71), "a\"b", "ends-with-space ", "ü"}) {
            XapiException e = assertThrows(XapiException.class,
                    () -> MultipartStatements.read(new ByteArrayInputStream(new byte[0]), boundary, 0, LIMITS));
            assertEquals("Content-Type", e.path(), boundary);
        }
    }

    @Test
    void largeAttachmentsAreSpooledToAFileThatClosingDeletes() throws Exception {
        byte[] large = new byte[SpooledContent.IN_MEMORY_BYTES + 1];
        new Random(3).nextBytes(large);
        Path file;
        try (StatementBody body = read(new Body("b").statements("{}").attachment(hex("SHA-512", large), large), LIMITS)) {
            SpooledContent spooled = (SpooledContent) body.attachments().get(0).content();
            file = spooled.file();
            assertNotNull(file);
            assertTrue(Files.exists(file));
            assertEquals(large.length, spooled.length());
            assertArrayEquals(large, content(body.attachments().get(0)));
        }
        assertFalse(Files.exists(file));
        byte[] small = {1};
        try (StatementBody body = read(new Body("b").statements("{}").attachment(hex("SHA-256", small), small), LIMITS)) {
            assertNull(((SpooledContent) body.attachments().get(0).content()).file());
        }
    }

    /** Counts the bytes a reader took. */
    static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }
    }
}
