package org.learninghub.connect.hub.bridge.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.learninghub.connect.lti.ags.ActivityProgress;
import org.learninghub.connect.lti.ags.GradingProgress;
import org.learninghub.connect.lti.ags.Score;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * Turns a queued job's payload (written by {@code OutcomeListener}) into the AGS score for a line item of
 * {@code scoreMaximum} points: a scaled score gives scaled × maximum; a raw score with a max gives its share of
 * the range [min, max] × maximum; a raw score alone is taken as points, kept within [0, maximum]. Without a score
 * nothing is given (the platform records the progress only).
 */
final class ScorePayload {

    private ScorePayload() {
    }

    /** Whether the payload carries a score at all (then a scoreMaximum is needed). */
    static boolean scored(String payload) {
        JsonNode p = read(payload);
        return p.has("scaled") || p.has("raw");
    }

    static Score score(String payload, Optional<Double> scoreMaximum, Instant fallbackTimestamp) {
        JsonNode p = read(payload);
        Optional<Double> given = Optional.empty();
        if (scoreMaximum.isPresent()) {
            double max = scoreMaximum.get();
            if (p.has("scaled")) {
                given = Optional.of(within(p.get("scaled").asDouble(), 0, 1) * max);
            } else if (p.has("raw")) {
                double raw = p.get("raw").asDouble();
                if (p.has("max")) {
                    double low = p.path("min").asDouble(0);
                    double high = p.get("max").asDouble();
                    given = Optional.of(high > low ? within((raw - low) / (high - low), 0, 1) * max : 0.0);
                } else {
                    given = Optional.of(within(raw, 0, max));
                }
            }
        }
        return new Score(p.path("userId").asText(), given.map(ScorePayload::rounded),
                given.isPresent() ? scoreMaximum : Optional.empty(), Optional.empty(),
                ActivityProgress.valueOf(p.path("activityProgress").asText("Completed")),
                GradingProgress.valueOf(p.path("gradingProgress").asText("Pending")),
                timestamp(p.path("timestamp").asText(""), fallbackTimestamp));
    }

    /** 0.85 × 100 is 85.00000000000001 in doubles; gradebooks show what they get, so keep 6 decimals. */
    private static double rounded(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    private static double within(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** The statement's own timestamp (xAPI requires an offset); the job's creation time if it has none. */
    private static Instant timestamp(String value, Instant fallback) {
        try {
            return value.isEmpty() ? fallback : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static JsonNode read(String payload) {
        try {
            return XapiJson.MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an outbox payload is not JSON", e);
        }
    }
}
