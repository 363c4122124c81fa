package org.learninghub.connect.lti.keys;

import java.time.Instant;

/** Where one tool key stands in its life: for operators, never with key material. */
public record ToolKeyStatus(String kid, Instant created, Instant activates, boolean signing, boolean published) {
}
