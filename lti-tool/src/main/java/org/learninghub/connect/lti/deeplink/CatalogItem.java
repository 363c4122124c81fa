package org.learninghub.connect.lti.deeplink;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a teacher may pick in a deep linking request: a Hub resource, its title and description, and,
 * when it is graded, the maximum score of the line item the platform should create.
 */
public record CatalogItem(String resourceId, String title, String description, Optional<Double> scoreMaximum) {

    public CatalogItem {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        scoreMaximum = Objects.requireNonNullElse(scoreMaximum, Optional.empty());
        if (scoreMaximum.isPresent() && !(scoreMaximum.get() > 0)) {
            throw new IllegalArgumentException("scoreMaximum must be positive (AGS 2.0 §3.2.7)");
        }
    }
}
