package org.learninghub.connect.xapi.statement.store;

/** Raw attachment content, identified by its SHA-2 hex digest, as sent in a multipart/mixed part. */
public record Attachment(String sha2, String contentType, byte[] content) {
}
