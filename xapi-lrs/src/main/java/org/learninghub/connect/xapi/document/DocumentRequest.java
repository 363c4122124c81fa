package org.learninghub.connect.xapi.document;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The validated query parameters of a Document resource request: the scope, the registration (State only),
 * the document id when one document is meant, and {@code since} for a list of ids.
 */
public record DocumentRequest(DocumentScope scope, Optional<UUID> registration, Optional<String> documentId,
                              Optional<Instant> since) {

    public DocumentRequest {
        Objects.requireNonNull(scope, "scope is required");
        Objects.requireNonNull(registration, "registration is required (may be empty)");
        Objects.requireNonNull(documentId, "documentId is required (may be empty)");
        Objects.requireNonNull(since, "since is required (may be empty)");
    }

    public DocumentKind kind() {
        return scope.kind();
    }

    /** The one document meant; only for requests that named one (callers check {@link #documentId}). */
    public DocumentKey key() {
        return new DocumentKey(scope, registration, documentId.orElseThrow(
                () -> new IllegalStateException("no " + kind().idParameter() + " in this request")));
    }
}
