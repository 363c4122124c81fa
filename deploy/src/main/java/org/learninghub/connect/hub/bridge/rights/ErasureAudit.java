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
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.sql.DataSource;

/** The {@code learner_erasure} audit rows: written in the erasure's own transaction (both go, or neither). */
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

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
