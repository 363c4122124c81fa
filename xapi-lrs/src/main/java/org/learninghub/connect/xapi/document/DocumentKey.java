package org.learninghub.connect.xapi.document;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What names one document: its scope, the registration (State only) and the State or profile id. */
public record DocumentKey(DocumentScope scope, Optional<UUID> registration, String id) {

    public DocumentKey {
        Objects.requireNonNull(scope, "scope is required");
        Objects.requireNonNull(registration, "registration is required (may be empty)");
        Objects.requireNonNull(id, "id is required");
        if (registration.isPresent() && !scope.kind().hasRegistration()) {
            throw new IllegalArgumentException("only State documents have a registration");
        }
    }

    /** The hash stored as {@code doc_key}, the unique key of the single-document path. */
    public String key() {
        return KeyHash.of(Arrays.asList(scope.kind().storedName(), scope.activityIri(), scope.agentIfi(),
                registration.map(UUID::toString).orElse(null), id));
    }
}
