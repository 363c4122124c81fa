package org.learninghub.connect.hub.bridge;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt of one learner at one catalogue resource through one resource link; {@code registration} is its xAPI
 * registration. The AGS claim values are kept so the outcome can be passed back after the launch is long gone.
 */
public record LaunchSession(UUID registration, long tenantId, long platformId, String issuer, String subject,
                            UUID resourceId, String activityIri, Optional<String> contentOrigin,
                            Optional<String> contextId, String resourceLinkId, String roles,
                            Optional<String> agsLineItems, Optional<String> agsLineItem, Optional<String> agsScopes,
                            Instant started, Optional<Instant> finished, Optional<String> outcome) {
}
