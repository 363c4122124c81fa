package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Objects;

/** One tool key pair: it signs from {@code activates} on and is published from {@code created} on. */
public record ToolKey(RSAKey key, Instant created, Instant activates) {

    public ToolKey {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(key.getKeyID(), "a tool key needs a kid");
        Objects.requireNonNull(created, "created is required");
        Objects.requireNonNull(activates, "activates is required");
    }

    public String kid() {
        return key.getKeyID();
    }
}
