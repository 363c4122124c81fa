package org.learninghub.connect.hub.token;

import java.time.Instant;
import java.util.UUID;

/** The answer that makes a token: the only place its value ({@code token}) ever appears. */
public record IssuedToken(UUID id, String name, String token, Instant created, Instant expires, Instant lastUsed) {
}
