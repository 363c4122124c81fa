package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The only code that reads or writes {@code xapi_document}. Every statement takes the tenant as its first
 * parameter and filters or writes {@code tenant_id} with it, so no request can see or change another
 * tenant's documents. Connections come from the caller, which owns the transaction.
 */
@ApplicationScoped
public class DocumentStore {

    /** The single-document path: one lookup of the primary key (tenant_id, doc_key). */
    private static final String FIND = "SELECT content_type, content, etag, updated FROM xapi_document"
            + " WHERE tenant_id = ? AND doc_key = ?";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String COLUMNS = " (tenant_id, doc_key, scope_key, kind, activity_iri, agent_ifi, registration,"
            + " doc_id, content_type, content, etag, updated)";
    private static final String VALUES = " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO xapi_document" + COLUMNS + VALUES;
    /** PostgreSQL's upsert is atomic under concurrency: the loser of a race on a new key updates the winner's row. */
    private static final String OVERWRITE_POSTGRESQL = INSERT + " ON CONFLICT (tenant_id, doc_key) DO UPDATE"
            + " SET content_type = EXCLUDED.content_type, content = EXCLUDED.content, etag = EXCLUDED.etag,"
            + " updated = EXCLUDED.updated";
    /** H2 has no DO UPDATE; its MERGE by key replaces the row or inserts it. */
    private static final String OVERWRITE_H2 = "MERGE INTO xapi_document" + COLUMNS + " KEY (tenant_id, doc_key)" + VALUES;
    private static final String UPDATE = "UPDATE xapi_document SET content_type = ?, content = ?, etag = ?, updated = ?"
            + " WHERE tenant_id = ? AND doc_key = ?";
    private static final String DELETE = "DELETE FROM xapi_document WHERE tenant_id = ? AND doc_key = ?";
    /** The documents of one scope: one range of the (tenant_id, scope_key, updated) index. */
    private static final String SCOPE = " FROM xapi_document WHERE tenant_id = ? AND scope_key = ?";
    private static final String BY_REGISTRATION = " AND registration = ?";
    private static final String SINCE = " AND updated > ?";

    /** The document, locked against other writers until the caller's transaction ends when {@code forUpdate}. */
    public Optional<StoredDocument> find(Connection c, long tenantId, DocumentKey key, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(forUpdate ? FIND_FOR_UPDATE : FIND)) {
            s.setLong(1, tenantId);
            s.setString(2, key.key());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDocument(new DocumentBody(r.getString(1), r.getBytes(2)), r.getString(3),
                        r.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
    }

    /** Fails with the database's unique-violation when another writer created the document first. */
    public void insert(Connection c, long tenantId, DocumentKey key, DocumentBody body, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            bindRow(s, tenantId, key, body, now);
            s.executeUpdate();
        }
    }

    /**
     * Replaces the document, or creates it, in one statement that takes no lock beyond its own row's: the last
     * writer wins, as for a State PUT without concurrency headers.
     */
    public void overwrite(Connection c, long tenantId, DocumentKey key, DocumentBody body, Instant now)
            throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (PreparedStatement s = c.prepareStatement(postgres ? OVERWRITE_POSTGRESQL : OVERWRITE_H2)) {
            bindRow(s, tenantId, key, body, now);
            s.executeUpdate();
        }
    }

    private static void bindRow(PreparedStatement s, long tenantId, DocumentKey key, DocumentBody body, Instant now)
            throws SQLException {
        DocumentScope scope = key.scope();
        s.setLong(1, tenantId);
        s.setString(2, key.key());
        s.setString(3, scope.key());
        s.setString(4, scope.kind().storedName());
        s.setString(5, scope.activityIri());
        s.setString(6, scope.agentIfi());
        if (key.registration().isPresent()) {
            s.setObject(7, key.registration().get());
        } else {
            s.setNull(7, Types.OTHER);
        }
        s.setString(8, key.id());
        s.setString(9, body.contentType());
        s.setBytes(10, body.content());
        s.setString(11, body.etag());
        s.setObject(12, timestamp(now));
    }

    public void update(Connection c, long tenantId, DocumentKey key, DocumentBody body, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, body.contentType());
            s.setBytes(2, body.content());
            s.setString(3, body.etag());
            s.setObject(4, timestamp(now));
            s.setLong(5, tenantId);
            s.setString(6, key.key());
            s.executeUpdate();
        }
    }

    public void delete(Connection c, long tenantId, DocumentKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setLong(1, tenantId);
            s.setString(2, key.key());
            s.executeUpdate();
        }
    }

    /** Deletes every document of the scope, or of the scope and one registration. */
    public int deleteAll(Connection c, long tenantId, DocumentScope scope, Optional<UUID> registration)
            throws SQLException {
        String sql = "DELETE" + SCOPE + (registration.isPresent() ? BY_REGISTRATION : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindScope(s, tenantId, scope, registration);
            return s.executeUpdate();
        }
    }

    /** The ids (and times) of the scope's documents, of one registration if given, written after {@code since}. */
    public List<DocumentId> ids(Connection c, long tenantId, DocumentScope scope, Optional<UUID> registration,
                                Optional<Instant> since) throws SQLException {
        String sql = "SELECT doc_id, updated" + SCOPE + (registration.isPresent() ? BY_REGISTRATION : "")
                + (since.isPresent() ? SINCE : "") + " ORDER BY updated";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = bindScope(s, tenantId, scope, registration);
            if (since.isPresent()) {
                s.setObject(next, timestamp(since.get()));
            }
            List<DocumentId> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(new DocumentId(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
            return ids;
        }
    }

    /** Binds tenant, scope and registration; returns the index of the next parameter. */
    private static int bindScope(PreparedStatement s, long tenantId, DocumentScope scope, Optional<UUID> registration)
            throws SQLException {
        s.setLong(1, tenantId);
        s.setString(2, scope.key());
        if (registration.isPresent()) {
            s.setObject(3, registration.get());
            return 4;
        }
        return 3;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
