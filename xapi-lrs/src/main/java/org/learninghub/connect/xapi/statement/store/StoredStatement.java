package org.learninghub.connect.xapi.statement.store;

import java.time.OffsetDateTime;

/** A statement as kept: its exact JSON, when it was stored, its place in stored order, and whether it is voided. */
public record StoredStatement(long seq, String json, OffsetDateTime stored, boolean voided, boolean hasAttachments) {
}
