package org.learninghub.connect.xapi.statement.store;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * One read-only transaction that a statement answer is streamed from, while it is written: a query page
 * through a database cursor, then attachment contents in chunks. PostgreSQL keeps a cursor only inside
 * a transaction, and then fetches {@link #FETCH_ROWS} rows at a time instead of the whole result; H2
 * reads the same way. Failures are {@link IOException}s, as the answer being written can only be cut.
 */
public final class StatementReads implements AutoCloseable {

    static final int FETCH_ROWS = 16;

    private final Connection connection;
    private final boolean autoCommit;
    private final QuerySql.Dialect dialect;

    StatementReads(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
        this.dialect = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                ? QuerySql.Dialect.POSTGRESQL : QuerySql.Dialect.PORTABLE;
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
    }

    /** Told each row of a page in order; answers whether to go on. */
    @FunctionalInterface
    public interface RowVisitor {
        boolean visit(StoredStatement row) throws IOException;
    }

    /**
     * The rows of one query page, at most {@code query.limit() + 1} (the extra one tells whether there is a
     * next page), until the visitor stops. Voided statements never match (1.0.3 Communication §2.1.4).
     *
     * @param mine when present, only statements whose authority has this IFI (scope statements/read/mine)
     */
    public void page(long tenant, StatementQuery query, Optional<String> mine, RowVisitor visitor) throws IOException {
        QuerySql q = QuerySql.of(tenant, query, mine, dialect);
        try (PreparedStatement ps = connection.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_ROWS);
            for (int i = 0; i < q.args().size(); i++) {
                ps.setObject(i + 1, q.args().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && visitor.visit(StatementFinder.row(rs))) {
                    // the visitor wrote the row
                }
            }
        } catch (SQLException e) {
            throw new IOException("statement query failed: " + e.getMessage(), e);
        }
    }

    /** Type and length of the stored attachments among these SHA-2s (lower-case hex); fileUrl-only ones have none. */
    public List<StoredAttachment> attachments(long tenant, Collection<String> sha2s) throws IOException {
        try {
            return AttachmentRows.describe(connection, tenant, sha2s);
        } catch (SQLException e) {
            throw new IOException("reading attachments failed: " + e.getMessage(), e);
        }
    }

    /** Writes one stored attachment's bytes to {@code out}, a chunk at a time. */
    public void copy(long tenant, StoredAttachment attachment, OutputStream out) throws IOException {
        try {
            AttachmentRows.copy(connection, tenant, attachment, out);
        } catch (SQLException e) {
            throw new IOException("reading attachment " + attachment.sha2() + " failed: " + e.getMessage(), e);
        }
    }

    /** Ends the transaction (nothing was written) and gives the connection back as it was lent. */
    @Override
    public void close() throws IOException {
        try (connection) {
            try {
                connection.rollback();
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IOException("ending the read transaction failed: " + e.getMessage(), e);
        }
    }
}
