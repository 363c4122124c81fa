/**
 * Request body limits: one maximum size per endpoint family (statements, attachments, documents, forms, admin
 * JSON), enforced on {@code Content-Length} before reading and on the bytes read while streaming, answered
 * with 413 in the family's own error shape.
 */
package org.learninghub.connect.hub.limits;
