package org.learninghub.connect.xapi.statement.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads statements of one tenant: single statements by id, and query pages and attachments through a
 * {@link StatementReads} transaction. Every statement of SQL here starts from {@code tenant_id = ?}; the
 * tenant is a method argument, never optional.
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
     * A read-only transaction to stream an answer from; the caller closes it when the answer is written.
     * Its connection is held that long, so it is opened only when the answer starts being written.
     */
    public StatementReads read() {
        try {
            Connection c = dataSource.getConnection();
            try {
                return new StatementReads(c);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("opening a read transaction failed: " + e.getMessage(), e);
        }
    }

    static StoredStatement row(ResultSet rs) throws SQLException {
        return new StoredStatement(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getBoolean(4), rs.getBoolean(5));
    }
}
