package org.learninghub.connect.lti.ags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A score to post (AGS 2.0 §3.4): one learner's result on one line item at one moment.
 *
 * @param userId     the learner's LTI {@code sub}
 * @param scoreGiven at least 0; with it, {@code scoreMaximum} is required (§3.4.3, §3.4.4)
 * @param timestamp  when the score was set; platforms keep the latest, so it is sent with milliseconds
 */
public record Score(String userId, Optional<Double> scoreGiven, Optional<Double> scoreMaximum, Optional<String> comment,
                    ActivityProgress activityProgress, GradingProgress gradingProgress, Instant timestamp) {

    /** §3.4.2: ISO 8601 with sub-second precision; always UTC and always three fraction digits. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);
    static final int MAX_COMMENT = 4096;

    public Score {
        if (userId == null || userId.isBlank() || userId.length() > 255) {
            throw new IllegalArgumentException("userId is required (1-255 characters)");
        }
        scoreGiven = Objects.requireNonNullElse(scoreGiven, Optional.empty());
        scoreMaximum = Objects.requireNonNullElse(scoreMaximum, Optional.empty());
        comment = Objects.requireNonNullElse(comment, Optional.empty());
        Objects.requireNonNull(activityProgress, "activityProgress is required");
        Objects.requireNonNull(gradingProgress, "gradingProgress is required");
        Objects.requireNonNull(timestamp, "timestamp is required");
        if (scoreGiven.isPresent() && (!(scoreGiven.get() >= 0) || scoreGiven.get().isInfinite())) {
            throw new IllegalArgumentException("scoreGiven must be a number of at least 0");
        }
        if (scoreGiven.isPresent() && scoreMaximum.isEmpty()) {
            throw new IllegalArgumentException("scoreMaximum is required with scoreGiven");
        }
        if (scoreMaximum.isPresent() && (!(scoreMaximum.get() > 0) || scoreMaximum.get().isInfinite())) {
            throw new IllegalArgumentException("scoreMaximum must be a positive number");
        }
        if (comment.isPresent() && comment.get().length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment is longer than " + MAX_COMMENT + " characters");
        }
    }

    /** A graded score: {@code given} out of {@code maximum}, activity completed, fully graded. */
    public static Score completed(String userId, double given, double maximum, Instant timestamp) {
        return new Score(userId, Optional.of(given), Optional.of(maximum), Optional.empty(),
                ActivityProgress.Completed, GradingProgress.FullyGraded, timestamp);
    }

    /** The JSON object of §3.4, field names as the specification spells them. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId);
        scoreGiven.ifPresent(s -> json.put("scoreGiven", s));
        scoreMaximum.ifPresent(s -> json.put("scoreMaximum", s));
        comment.ifPresent(c -> json.put("comment", c));
        json.put("activityProgress", activityProgress.name());
        json.put("gradingProgress", gradingProgress.name());
        json.put("timestamp", TIMESTAMP.format(timestamp));
        return json;
    }
}
