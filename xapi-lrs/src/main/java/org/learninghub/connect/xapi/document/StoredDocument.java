package org.learninghub.connect.xapi.document;

import java.time.Instant;
import java.util.Objects;

/** A document as stored: its body, its ETag (hex SHA-1 of the content) and when it was last written. */
public record StoredDocument(DocumentBody body, String etag, Instant updated) {

    public StoredDocument {
        Objects.requireNonNull(body, "body is required");
        Objects.requireNonNull(etag, "etag is required");
        Objects.requireNonNull(updated, "updated is required");
    }
}
