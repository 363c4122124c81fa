package org.learninghub.connect.hub.catalogue;

import java.util.Locale;
import java.util.Optional;

/**
 * The life cycle of a resource: a contribution is {@code draft} until submitted, {@code in-review} until a Hub
 * administrator publishes it or returns it (to {@code draft}, with comments); only {@code published} resources are
 * offered to teachers; {@code retired} ones stay known so that existing links get a clear page.
 */
public enum ResourceStatus {
    DRAFT("draft"), IN_REVIEW("in-review"), PUBLISHED("published"), RETIRED("retired");

    private final String code;

    ResourceStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ResourceStatus> parse(String value) {
        if (value == null || value.length() > 20) {
            return Optional.empty();
        }
        String folded = value.strip().toLowerCase(Locale.ROOT);
        for (ResourceStatus s : values()) {
            if (s.code.equals(folded)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
