package org.learninghub.connect.lti.nrps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to ask for: members in one role (§2.4.2, a full LIS role URI or a context role's short name), a page
 * size ({@code limit}, §2.4.1) and the members of one resource link ({@code rlid}, §3.6.2.1).
 */
public record MembershipQuery(Optional<String> role, OptionalInt limit, Optional<String> resourceLinkId) {

    public static final MembershipQuery ALL = new MembershipQuery(Optional.empty(), OptionalInt.empty(), Optional.empty());

    public MembershipQuery {
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("role", role.orElse(null));
        parameters.put("limit", limit.isPresent() ? Integer.toString(limit.getAsInt()) : null);
        parameters.put("rlid", resourceLinkId.orElse(null));
        return parameters;
    }
}
