package org.learninghub.connect.hub.bridge.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One attempt as administrators see it, with the state of each of its score jobs. */
record LaunchReport(UUID registration, UUID resourceId, String subject, Optional<String> contextId,
                    String resourceLinkId, Instant started, Instant lastLaunched, Optional<Instant> finished,
                    Optional<String> outcome, boolean passback, List<Map<String, Object>> scores) {

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("registration", registration.toString());
        v.put("resource", resourceId.toString());
        v.put("learner", subject);
        v.put("context", contextId.orElse(null));
        v.put("resourceLink", resourceLinkId);
        v.put("started", started.toString());
        v.put("lastLaunched", lastLaunched.toString());
        v.put("finished", finished.map(Instant::toString).orElse(null));
        v.put("outcome", outcome.orElse(null));
        // Whether the launch gave the Hub a line item to pass the score back to.
        v.put("passback", passback);
        v.put("scores", scores);
        return v;
    }
}
