package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;

/**
 * The Document resources' use cases for one tenant: read a document or the list of ids, and write, merge or
 * delete documents. Reads are one indexed query; each write is one transaction in {@link DocumentWrites},
 * retried when it lost a race with a concurrent writer, so racing writers are serialised, never lost.
 */
@ApplicationScoped
public class Documents {

    /** A write loses a race only to a writer that then committed, so a second attempt nearly always wins. */
    static final int MAX_ATTEMPTS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    DocumentStore store;

    @Inject
    DocumentWrites writes;

    public Optional<StoredDocument> get(long tenantId, DocumentKey key) {
        return read(c -> store.find(c, tenantId, key, false));
    }

    public List<DocumentId> ids(long tenantId, DocumentRequest request) {
        return read(c -> store.ids(c, tenantId, request.scope(), request.registration(), request.since()));
    }

    /** Returns the new ETag. */
    public String put(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions,
                      XapiVersion version) {
        body.requireWellFormed();
        UnconditionalPut unconditional = UnconditionalPut.of(key.scope().kind(), version);
        if (preconditions.absent() && unconditional == UnconditionalPut.OVERWRITE) {
            return retrying(() -> writes.overwrite(tenantId, key, body));
        }
        return retrying(() -> writes.put(tenantId, key, body, preconditions, unconditional));
    }

    /** Returns the new ETag. */
    public String post(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions) {
        body.requireWellFormed();
        return retrying(() -> writes.post(tenantId, key, body, preconditions));
    }

    public void delete(long tenantId, DocumentKey key, Preconditions preconditions) {
        retrying(() -> {
            writes.delete(tenantId, key, preconditions);
            return null;
        });
    }

    public void deleteAll(long tenantId, DocumentRequest request) {
        retrying(() -> {
            writes.deleteAll(tenantId, request.scope(), request.registration());
            return null;
        });
    }

    private <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (WriteRaceLost lost) {
                if (i == MAX_ATTEMPTS) {
                    throw XapiException.conflict(null, "the document is being written by other requests at the "
                            + "same moment; retry the request");
                }
            }
        }
    }

    private <T> T read(Query<T> query) {
        try (Connection c = dataSource.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("document read failed", e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }
}
