package org.learninghub.connect.hub.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/** A stored catalogue resource as the admin API shows it, with its quality score and open warnings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resource(UUID id, String title, String description, List<String> keywords, String type,
                       String launchUrl, String activityId, String version, String ownerTrust, String source,
                       String sourceId, List<String> audience, String licence, String status, boolean gradable,
                       Double scoreMaximum, int qualityScore, List<Problem> qualityWarnings, String reviewComments,
                       Instant created, Instant updated) {

    @JsonIgnore
    public boolean isPublished() {
        return ResourceStatus.PUBLISHED.code().equals(status);
    }
}
