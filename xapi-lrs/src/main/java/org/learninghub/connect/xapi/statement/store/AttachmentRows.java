package org.learninghub.connect.xapi.statement.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Attachment contents by SHA-2, stored once per tenant however many statements name them. */
public final class AttachmentRows {

    private AttachmentRows() {
    }

    static void insert(Connection c, long tenant, List<Attachment> attachments) throws SQLException {
        Map<String, Attachment> bySha = new LinkedHashMap<>();
        attachments.forEach(a -> bySha.putIfAbsent(a.sha2().toLowerCase(), a));
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
        List<String> missing = new ArrayList<>(bySha.keySet());
        missing.removeAll(present);
        missing.sort(Comparator.naturalOrder());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xapi_attachment (tenant_id, sha2, content_type, content) VALUES (?,?,?,?)")) {
            for (String sha : missing) {
                Attachment a = bySha.get(sha);
                ps.setLong(1, tenant);
                ps.setString(2, sha);
                ps.setString(3, a.contentType());
                ps.setBytes(4, a.content());
                ps.addBatch();
            }
            if (!missing.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** The stored content of one attachment. */
    public static Optional<Attachment> find(Connection c, long tenant, String sha2) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content_type, content FROM xapi_attachment WHERE tenant_id = ? AND sha2 = ?")) {
            ps.setLong(1, tenant);
            ps.setString(2, sha2.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Attachment(sha2, rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }
}
