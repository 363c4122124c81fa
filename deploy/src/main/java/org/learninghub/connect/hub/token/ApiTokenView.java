package org.learninghub.connect.hub.token;

import java.time.Instant;
import java.util.UUID;

/** A token as listed: never its value. */
public record ApiTokenView(UUID id, String name, Instant created, Instant expires, Instant lastUsed) {
}
