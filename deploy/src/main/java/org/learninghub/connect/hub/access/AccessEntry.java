package org.learninghub.connect.hub.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One line of the access log, as written (in this order). {@code path} and {@code query} are already redacted
 * ({@link Redaction}); {@code caller} is the authenticated caller's name (an administrator's user name or an LRS
 * credential's key), absent when nobody authenticated; {@code durationMs} and {@code bytes} are absent when unknown.
 */
@JsonPropertyOrder({"time", "id", "method", "path", "query", "status", "durationMs", "bytes", "remote", "caller"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessEntry(Instant time, String id, String method, String path, String query, int status,
                          Long durationMs, Long bytes, String remote, String caller) {
}
