package org.learninghub.connect.lti.deeplink;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a teacher may pick in a deep linking request: a Hub resource, its title and description, and,
 * when it is graded, the maximum score of the line item the platform should create, with the line item's
 * {@code tag} (AGS 2.0 §3.2.9: a qualifier the tool chooses; may be null).
 */
public record CatalogItem(String resourceId, String title, String description, Optional<Double> scoreMaximum,
                          String tag) {

    public CatalogItem {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        scoreMaximum = Objects.requireNonNullElse(scoreMaximum, Optional.empty());
        if (scoreMaximum.isPresent() && !(scoreMaximum.get() > 0)) {
            throw new IllegalArgumentException("scoreMaximum must be positive (AGS 2.0 §3.2.7)");
        }
    }

    public CatalogItem(String resourceId, String title, String description, Optional<Double> scoreMaximum) {
        this(resourceId, title, description, scoreMaximum, null);
    }
}
