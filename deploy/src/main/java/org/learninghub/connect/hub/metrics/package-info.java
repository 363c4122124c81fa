/**
 * The Hub's own MicroProfile Metrics (application scope, served by the server at {@code /metrics}): statements
 * stored and refused, launches, sign-ins refused, and the score outbox's backlog (see src/docs/operations.md).
 * Never a secret, a learner or an unbounded tag from request input.
 */
package org.learninghub.connect.hub.metrics;
