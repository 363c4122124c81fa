package org.learninghub.connect.lti.ags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The filters of AGS 2.0 §3.2.4 for listing line items, and the page size ({@code limit}). */
public record LineItemQuery(Optional<String> resourceLinkId, Optional<String> resourceId, Optional<String> tag,
                            OptionalInt limit) {

    public static final LineItemQuery ALL = new LineItemQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty());

    public LineItemQuery {
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("resource_link_id", resourceLinkId.orElse(null));
        parameters.put("resource_id", resourceId.orElse(null));
        parameters.put("tag", tag.orElse(null));
        parameters.put("limit", limit.isPresent() ? Integer.toString(limit.getAsInt()) : null);
        return parameters;
    }
}
