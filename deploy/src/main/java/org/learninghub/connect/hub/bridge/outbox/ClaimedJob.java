package org.learninghub.connect.hub.bridge.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A job claimed for delivery with what it needs: the launch session's platform and AGS claim values, and the
 * catalogue resource's scoreMaximum (the maximum the Hub gave the line item when it deep-linked the resource).
 */
record ClaimedJob(long id, UUID registration, String payload, int attempts, Instant created, long platformId,
                  Optional<String> lineItems, Optional<String> lineItem, Optional<String> scopes,
                  Optional<Double> scoreMaximum) {
}
