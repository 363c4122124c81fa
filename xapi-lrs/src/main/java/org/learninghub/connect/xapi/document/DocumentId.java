package org.learninghub.connect.xapi.document;

import java.time.Instant;

/** One entry of a multiple-document GET: a document's id and when it was last written. */
public record DocumentId(String id, Instant updated) {
}
