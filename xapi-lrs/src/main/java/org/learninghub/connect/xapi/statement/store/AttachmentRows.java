package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * Attachment contents by SHA-2, stored once per tenant however many statements name them. A key is
 * only ever written with bytes verified to have that hash, so the first writer of a key cannot poison
 * it. Contents move in both directions as streams: in from the request's spooled parts, out in chunks.
 */
public final class AttachmentRows {

    /** One read of an attachment's content: bounds the memory a download takes, whatever its size. */
    static final int CHUNK_BYTES = 1024 * 1024;

    /**
     * Hex length of SHA-256 keys. Before every declared hash was checked, only SHA-256 part hashes were;
     * a key of another length may hold bytes stored unchecked, and verified bytes replace them.
     */
    private static final int ALWAYS_VERIFIED_HEX = 64;

    private AttachmentRows() {
    }

    static void insert(Connection c, long tenant, List<Attachment> attachments) throws SQLException {
        Map<String, Attachment> bySha = new TreeMap<>();
        attachments.forEach(a -> bySha.putIfAbsent(a.sha2(), a));
        if (bySha.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sha2 FROM xapi_attachment WHERE tenant_id = ? AND sha2 = ANY (?)")) {
            ps.setLong(1, tenant);
            ps.setArray(2, c.createArrayOf("VARCHAR", bySha.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO xapi_attachment (content_type, content, tenant_id, sha2) VALUES (?,?,?,?)");
             PreparedStatement replace = c.prepareStatement(
                "UPDATE xapi_attachment SET content_type = ?, content = ? WHERE tenant_id = ? AND sha2 = ?")) {
            for (Attachment a : bySha.values()) {
                if (!present.contains(a.sha2())) {
                    write(insert, tenant, a);
                } else if (a.sha2().length() != ALWAYS_VERIFIED_HEX) {
                    write(replace, tenant, a);
                }
            }
        }
    }

    /** Streams the spooled bytes to the database; one statement per attachment, so one stream open at a time. */
    private static void write(PreparedStatement ps, long tenant, Attachment a) throws SQLException {
        try (InputStream content = a.content().open()) {
            ps.setString(1, a.contentType());
            ps.setBinaryStream(2, content, a.content().length());
            ps.setLong(3, tenant);
            ps.setString(4, a.sha2());
            ps.executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException("a received attachment could not be read back", e);
        }
    }

    /** Media type and length of the stored attachments among these SHA-2s, in SHA-2 order; no content is read. */
    static List<StoredAttachment> describe(Connection c, long tenant, Collection<String> sha2s) throws SQLException {
        if (sha2s.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sha2, content_type, OCTET_LENGTH(content) FROM xapi_attachment "
                + "WHERE tenant_id = ? AND sha2 = ANY (?) ORDER BY sha2")) {
            ps.setLong(1, tenant);
            ps.setArray(2, c.createArrayOf("VARCHAR", sha2s.toArray()));
            List<StoredAttachment> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredAttachment(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return found;
        }
    }

    /**
     * Writes a stored attachment's content to {@code out} in chunks of {@link #CHUNK_BYTES}: PostgreSQL's
     * driver reads a whole bytea value into memory (twice over, as hex), so the value is read in slices.
     */
    static void copy(Connection c, long tenant, StoredAttachment attachment, OutputStream out) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT SUBSTRING(content FROM ? FOR ?) FROM xapi_attachment WHERE tenant_id = ? AND sha2 = ?")) {
            // bytea and H2 binary strings hold at most 1 GiB: positions fit an int, as SUBSTRING wants.
            for (int from = 0; from < attachment.length(); from += CHUNK_BYTES) {
                ps.setInt(1, from + 1);
                ps.setInt(2, CHUNK_BYTES);
                ps.setLong(3, tenant);
                ps.setString(4, attachment.sha2());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IOException("attachment " + attachment.sha2() + " disappeared while it was being sent");
                    }
                    out.write(rs.getBytes(1));
                }
            }
        }
    }

    /** The SHA-2s (lower-case hex) of the attachments a stored statement names (only a statement's top level may). */
    public static Set<String> named(JsonNode statement) {
        Set<String> sha2s = new TreeSet<>();
        statement.path("attachments").forEach(a -> {
            String sha2 = a.path("sha2").asText("");
            if (!sha2.isEmpty()) {
                sha2s.add(sha2.toLowerCase(Locale.ROOT));
            }
        });
        return sha2s;
    }

    /**
     * Of these attachment SHA-2s (lower-case hex), the stored ones no statement of the tenant names except those with
     * the given seqs: what removing those statements leaves unreferenced. For an erasure, in its transaction. A statement
     * is a candidate when its JSON contains the hex (either case) and counts when it really names it, so a hash that
     * only appears in some other field never keeps an attachment. Reads the tenant's statements with attachments once
     * per SHA-2: meant for an administrator's request, not a request path.
     */
    public static Set<String> unreferenced(Connection c, long tenant, Collection<String> sha2s, Set<Long> leaving)
            throws SQLException {
        Set<String> unreferenced = new TreeSet<>();
        Set<String> stored = new TreeSet<>();
        describe(c, tenant, sha2s).forEach(a -> stored.add(a.sha2()));
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, statement_json FROM xapi_statement"
                + " WHERE tenant_id = ? AND has_attachments AND LOWER(statement_json) LIKE ?")) {
            for (String sha2 : stored) {
                if (!hex(sha2)) {
                    continue;
                }
                ps.setLong(1, tenant);
                // Hex digits are no LIKE wildcards: the pattern matches the digest text and nothing else.
                ps.setString(2, "%" + sha2 + "%");
                boolean named = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (!named && rs.next()) {
                        named = !leaving.contains(rs.getLong(1)) && named(parse(rs.getString(2))).contains(sha2);
                    }
                }
                if (!named) {
                    unreferenced.add(sha2);
                }
            }
        }
        return unreferenced;
    }

    /**
     * Deletes these attachments' contents, in the caller's transaction; returns how many rows went. The caller has
     * checked with {@link #unreferenced} that nothing names them.
     */
    public static int delete(Connection c, long tenant, Collection<String> sha2s) throws SQLException {
        if (sha2s.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM xapi_attachment WHERE tenant_id = ? AND sha2 = ANY (?)")) {
            ps.setLong(1, tenant);
            ps.setArray(2, c.createArrayOf("VARCHAR", sha2s.toArray()));
            return ps.executeUpdate();
        }
    }

    private static boolean hex(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return XapiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored statement is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
