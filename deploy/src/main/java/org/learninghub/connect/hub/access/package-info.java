/**
 * The access log: one JSON line per request on the logger {@code org.learninghub.connect.access}, with the path and
 * query redacted of secrets and learners, never a header value, cookie or body (see src/docs/operations.md).
 */
package org.learninghub.connect.hub.access;
