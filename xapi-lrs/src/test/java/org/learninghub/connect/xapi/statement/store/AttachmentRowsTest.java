package org.learninghub.connect.xapi.statement.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachment rows on the embedded database, with the schema of the xAPI migrations. */
class AttachmentRowsTest {

    static final long TENANT = 7;

    EmbeddedStore store;
    Connection c;

    @BeforeEach
    void schema() throws Exception {
        store = new EmbeddedStore();
        c = store.connection();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    static Attachment attachment(String sha2, byte[] bytes) {
        return new Attachment(sha2, "application/pdf", bytes);
    }

    byte[] stored(String sha2) throws Exception {
        StoredAttachment found = AttachmentRows.describe(c, TENANT, List.of(sha2)).get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttachmentRows.copy(c, TENANT, found, out);
        return out.toByteArray();
    }

    void storeUnchecked(String sha2, byte[] bytes) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xapi_attachment (tenant_id, sha2, content_type, content) VALUES (?,?,?,?)")) {
            ps.setLong(1, TENANT);
            ps.setString(2, sha2);
            ps.setString(3, "text/html");
            ps.setBytes(4, bytes);
            ps.executeUpdate();
        }
    }

    @Test
    void contentIsStoredFromItsStreamAndReadBackInChunks() throws Exception {
        byte[] bytes = new byte[AttachmentRows.CHUNK_BYTES * 2 + 12_345];
        new Random(5).nextBytes(bytes);
        String sha2 = hex("SHA-256", bytes);
        AttachmentRows.insert(c, TENANT, List.of(attachment(sha2, bytes), attachment(sha2, bytes)));

        List<StoredAttachment> described = AttachmentRows.describe(c, TENANT, List.of(sha2, "0".repeat(64)));
        assertEquals(List.of(new StoredAttachment(sha2, "application/pdf", bytes.length)), described);
        assertArrayEquals(bytes, stored(sha2));
        assertEquals(List.of(), AttachmentRows.describe(c, TENANT + 1, List.of(sha2)), "another tenant sees nothing");
    }

    @Test
    void aSha256KeyKeepsItsFirstContentWhichWasAlwaysVerified() throws Exception {
        byte[] real = "real".getBytes(StandardCharsets.UTF_8);
        String sha256 = hex("SHA-256", real);
        AttachmentRows.insert(c, TENANT, List.of(attachment(sha256, real)));
        AttachmentRows.insert(c, TENANT, List.of(attachment(sha256, real)));
        assertArrayEquals(real, stored(sha256));
    }

    @Test
    void bytesStoredUncheckedUnderAnotherSha2AreReplacedByVerifiedOnes() throws Exception {
        byte[] real = "real".getBytes(StandardCharsets.UTF_8);
        String sha512 = hex("SHA-512", real);
        storeUnchecked(sha512, "<script>poison</script>".getBytes(StandardCharsets.UTF_8));

        AttachmentRows.insert(c, TENANT, List.of(attachment(sha512, real)));
        assertArrayEquals(real, stored(sha512));
        assertEquals("application/pdf", AttachmentRows.describe(c, TENANT, List.of(sha512)).get(0).contentType());
    }

    @Test
    void anEmptyAttachmentIsStoredAndCopiedAsNothing() throws Exception {
        byte[] none = new byte[0];
        String sha2 = hex("SHA-256", none);
        AttachmentRows.insert(c, TENANT, List.of(attachment(sha2, none)));
        assertArrayEquals(none, stored(sha2));
    }
}
