package org.learninghub.connect.hub.catalogue;

import java.util.List;

/**
 * A resource's metadata as it arrives, from the admin API's JSON or one import row, before any rule has looked at
 * it. {@link org.learninghub.connect.hub.catalogue.quality.QualityRules} is the one place that judges it.
 *
 * @param ownerTrust the contributing trust's code, or null for national content
 * @param source     the platform the resource was migrated from (with {@code sourceId}, its id there)
 */
public record ResourceInput(String title, String description, List<String> keywords, String type, String launchUrl,
                            String activityId, String version, String ownerTrust, String source, String sourceId,
                            List<String> audience, String licence, Boolean gradable, Double scoreMaximum) {

    public ResourceInput {
        keywords = keywords == null ? List.of() : keywords.stream().map(k -> k == null ? "" : k).toList();
        audience = audience == null ? List.of() : audience.stream().map(a -> a == null ? "" : a).toList();
    }

    /** The same metadata from another source id (imports name the source once for the whole file). */
    public ResourceInput withSource(String newSource) {
        return new ResourceInput(title, description, keywords, type, launchUrl, activityId, version, ownerTrust,
                newSource, sourceId, audience, licence, gradable, scoreMaximum);
    }
}
