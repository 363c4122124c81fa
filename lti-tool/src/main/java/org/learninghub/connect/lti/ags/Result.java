package org.learninghub.connect.lti.ags;

/**
 * A learner's current result on a line item (AGS 2.0 §3.5.8), as the platform reports it. Optional fields
 * are null when absent.
 *
 * @param id          its URL at the platform, required
 * @param userId      the learner, required
 * @param resultMaximum positive when present
 */
public record Result(String id, String scoreOf, String userId, Double resultScore, Double resultMaximum,
                     String comment) {

    public Result {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        if (resultScore != null && (resultScore.isNaN() || resultScore.isInfinite())) {
            throw new IllegalArgumentException("resultScore must be a finite number");
        }
        if (resultMaximum != null && (!(resultMaximum > 0) || resultMaximum.isInfinite())) {
            throw new IllegalArgumentException("resultMaximum must be a positive number");
        }
    }
}
