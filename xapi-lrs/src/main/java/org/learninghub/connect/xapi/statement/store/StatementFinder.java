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
        QuerySql q = QuerySql.of(tenant, query, mine);
        List<Object> args = q.args();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(q.sql())) {
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
