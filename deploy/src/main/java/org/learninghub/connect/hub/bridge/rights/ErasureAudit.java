package org.learninghub.connect.hub.bridge.rights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code learner_erasure} audit rows: written in the erasure's own transaction (both go, or neither), and listed
 * for administrators as they were written (the learner only as issuer and hash of the sub).
 */
@ApplicationScoped
public class ErasureAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(Learner l, String who, ErasureReport report) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO learner_erasure (tenant_id, issuer, subject_hash,"
                     + " requested_by, requested, dry_run, report) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, l.tenant());
            ps.setString(2, l.issuer());
            ps.setString(3, sha256(l.subject()));
            ps.setString(4, who);
            ps.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
            ps.setBoolean(6, report.dryRun());
            ps.setString(7, JSON.writeValueAsString(report.view()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("recording an erasure failed: " + e.getMessage(), e);
        }
    }

    /**
     * One page of a trust's audit rows, newest first (by id: rows are numbered as they are written), ids below
     * {@code before}.
     */
    List<Map<String, Object>> list(long tenant, Optional<Long> before, int limit) {
        String sql = "SELECT id, issuer, subject_hash, requested_by, requested, dry_run, report FROM learner_erasure"
                + " WHERE tenant_id = ?" + (before.isPresent() ? " AND id < ?" : "")
                + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, tenant);
            if (before.isPresent()) {
                ps.setLong(i++, before.get());
            }
            ps.setInt(i, limit);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("issuer", rs.getString(2));
                    row.put("subjectSha256", rs.getString(3));
                    row.put("requestedBy", rs.getString(4));
                    row.put("requested", rs.getTimestamp(5).toInstant().toString());
                    row.put("dryRun", rs.getBoolean(6));
                    row.put("report", JSON.readTree(rs.getString(7)));
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading the erasure audit failed: " + e.getMessage(), e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
