package org.learninghub.connect.xapi.statement.store;

/** What is known of a stored attachment before its bytes are read: its SHA-2, media type and length. */
public record StoredAttachment(String sha2, String contentType, long length) {
}
