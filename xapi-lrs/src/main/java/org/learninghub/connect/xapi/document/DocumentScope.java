package org.learninghub.connect.xapi.document;

import java.util.Arrays;
import java.util.Objects;

/**
 * The context a set of documents lives in: the resource, and the Activity and/or Agent it is about.
 * {@code activityIri} is empty for Agent Profiles, {@code agentIfi} (an {@code Ifi.key()}) empty for Activity
 * Profiles, matching the stored columns.
 */
public record DocumentScope(DocumentKind kind, String activityIri, String agentIfi) {

    public DocumentScope {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(activityIri, "activityIri is required (empty when the kind has none)");
        Objects.requireNonNull(agentIfi, "agentIfi is required (empty when the kind has none)");
        if (kind.hasActivity() == activityIri.isEmpty() || kind.hasAgent() == agentIfi.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " scope must name exactly the activity/agent it has");
        }
    }

    /** The hash stored as {@code scope_key}: one index range holds every document of this scope. */
    public String key() {
        return KeyHash.of(Arrays.asList(kind.storedName(), activityIri, agentIfi));
    }
}
