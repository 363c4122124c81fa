package org.learninghub.connect.hub.bridge.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One score job as administrators see it. {@code status}: pending, delivered, failed or skipped. */
public record OutboxJob(long id, String trust, UUID registration, String outcome, UUID statementId, String status,
                        int attempts, Instant nextAttempt, Optional<String> lastError, Instant created,
                        Optional<Instant> delivered) {
}
