package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * One attempt at one document write, in one transaction. The document's row is read with
 * {@code SELECT … FOR UPDATE}, so a concurrent writer of the same document waits, then sees this write:
 * preconditions are checked and JSON merged against the latest version, and no update is lost. Creating a
 * document cannot lock a row that does not exist yet; two creators race on the unique key instead, and the
 * loser's attempt ends in {@link WriteRaceLost} (its transaction rolled back) for {@link Documents} to retry.
 * A write that needs nothing of the stored document (an unconditional 1.0.3 State PUT) is one upsert instead.
 */
@ApplicationScoped
public class DocumentWrites {

    @Inject
    DataSource dataSource;

    @Inject
    DocumentStore store;

    @Inject
    @ConfigProperty(name = DocumentResource.MAX_BYTES_KEY, defaultValue = DocumentResource.DEFAULT_MAX_BYTES)
    int maxBytes;

    /** Replaces (or creates) the document; returns its new ETag. */
    @Transactional
    public String put(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions,
                      UnconditionalPut unconditional) {
        return withConnection(c -> {
            Optional<StoredDocument> current = store.find(c, tenantId, key, true);
            preconditions.check(current.map(StoredDocument::etag));
            if (preconditions.absent()) {
                unconditional.check(current.isPresent());
            }
            return write(c, tenantId, key, body, current.isPresent());
        });
    }

    /**
     * Replaces (or creates) the document when nothing needs the stored one first: a PUT without concurrency headers
     * where they are not required (1.0.3 State). One statement, committed on its own, with no row read before it;
     * returns its new ETag.
     */
    public String overwrite(long tenantId, DocumentKey key, DocumentBody body) {
        return withConnection(c -> {
            store.overwrite(c, tenantId, key, body, now());
            return body.etag();
        });
    }

    /** Creates the document, or merges a JSON Object into the stored one; returns its new ETag. */
    @Transactional
    public String post(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions) {
        return withConnection(c -> {
            Optional<StoredDocument> current = store.find(c, tenantId, key, true);
            preconditions.check(current.map(StoredDocument::etag));
            DocumentBody result = current.isPresent() ? JsonMerge.merge(current.get().body(), body) : body;
            // Merging only adds: without this bound, repeated POSTs would grow a document past the limit each
            // request is held to, until it could no longer be read back for the next merge.
            if (result.content().length > maxBytes) {
                throw new XapiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content",
                        "the merged document would hold more than " + maxBytes + " bytes");
            }
            return write(c, tenantId, key, result, current.isPresent());
        });
    }

    /** Deletes the document if it exists (deleting nothing is not an error). */
    @Transactional
    public void delete(long tenantId, DocumentKey key, Preconditions preconditions) {
        withConnection(c -> {
            Optional<StoredDocument> current = store.find(c, tenantId, key, true);
            preconditions.check(current.map(StoredDocument::etag));
            if (current.isPresent()) {
                store.delete(c, tenantId, key);
            }
            return null;
        });
    }

    /** Deletes every document of the scope (State: of an Activity and Agent), or of one registration in it. */
    @Transactional
    public void deleteAll(long tenantId, DocumentScope scope, Optional<UUID> registration) {
        withConnection(c -> store.deleteAll(c, tenantId, scope, registration));
    }

    private String write(Connection c, long tenantId, DocumentKey key, DocumentBody body, boolean exists)
            throws SQLException {
        Instant now = now();
        if (exists) {
            store.update(c, tenantId, key, body, now);
        } else {
            store.insert(c, tenantId, key, body, now);
        }
        return body.etag();
    }

    /** Microseconds: what both databases keep, so a 'since' compares with exactly what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The work on a pooled connection: within the method's transaction where it has one, else each statement alone. */
    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw WriteRaceLost.isRace(e) ? new WriteRaceLost(e) : new IllegalStateException("document write failed", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
