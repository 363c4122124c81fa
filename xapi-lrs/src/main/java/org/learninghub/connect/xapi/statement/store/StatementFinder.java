package org.learninghub.connect.xapi.statement.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * Reads statements of one tenant: single statements by id and filtered queries. Every statement of SQL
 * here starts from {@code tenant_id = ?}; the tenant is a method argument, never optional.
 */
@ApplicationScoped
public class StatementFinder {

    private static final String COLUMNS = "s.seq, s.statement_json, s.stored, s.voided, s.has_attachments";

    @Inject
    DataSource dataSource;

    public Optional<StoredStatement> find(long tenant, UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM xapi_statement s WHERE s.tenant_id = ? AND s.id = ?")) {
            ps.setLong(1, tenant);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading statement failed: " + e.getMessage(), e);
        }
    }

    /**
     * One page of a query, at most {@code query.limit() + 1} rows (the extra one tells whether there is
     * a next page). Voided statements never match (1.0.3 Communication §2.1.4).
     *
     * @param mine when present, only statements whose authority has this IFI (scope statements/read/mine)
     */
    public List<StoredStatement> query(long tenant, StatementQuery query, Optional<String> mine) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM xapi_statement s "
                + "WHERE s.tenant_id = ? AND s.voided = FALSE");
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        query.agent().ifPresent(ifi -> {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_agent a WHERE a.tenant_id = s.tenant_id "
                    + "AND a.seq = s.seq AND a.ifi = ?").append(query.relatedAgents() ? ")" : " AND a.relation = 'D')");
            args.add(ifi);
        });
        mine.ifPresent(ifi -> {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_agent m WHERE m.tenant_id = s.tenant_id "
                    + "AND m.seq = s.seq AND m.ifi = ?)");
            args.add(ifi);
        });
        query.verb().ifPresent(iri -> {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_verb v WHERE v.tenant_id = s.tenant_id "
                    + "AND v.seq = s.seq AND v.iri = ?)");
            args.add(iri);
        });
        query.activity().ifPresent(iri -> {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_activity t WHERE t.tenant_id = s.tenant_id "
                    + "AND t.seq = s.seq AND t.iri = ?").append(query.relatedActivities() ? ")" : " AND t.relation = 'D')");
            args.add(iri);
        });
        query.registration().ifPresent(r -> {
            sql.append(" AND s.registration = ?");
            args.add(r);
        });
        query.since().ifPresent(t -> {
            sql.append(" AND s.stored > ?");
            args.add(t);
        });
        query.until().ifPresent(t -> {
            sql.append(" AND s.stored <= ?");
            args.add(t);
        });
        query.after().ifPresent(seq -> {
            sql.append(query.ascending() ? " AND s.seq > ?" : " AND s.seq < ?");
            args.add(seq);
        });
        sql.append(" ORDER BY s.seq ").append(query.ascending() ? "ASC" : "DESC").append(" LIMIT ?");
        args.add(query.limit() + 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<StoredStatement> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("statement query failed: " + e.getMessage(), e);
        }
    }

    /** Stored attachment contents by SHA-2 (those sent as parts; fileUrl-only attachments have none). */
    public List<Attachment> attachments(long tenant, java.util.Collection<String> sha2s) {
        List<Attachment> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String sha2 : new java.util.TreeSet<>(sha2s)) {
                AttachmentRows.find(c, tenant, sha2).ifPresent(found::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading attachments failed: " + e.getMessage(), e);
        }
        return found;
    }

    private static StoredStatement row(ResultSet rs) throws SQLException {
        return new StoredStatement(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getBoolean(4), rs.getBoolean(5));
    }
}
