package org.learninghub.connect.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void timestampIsUtcWithExactlyMilliseconds() {
        assertEquals("2026-03-01T10:15:30.123Z", Score.completed("u", 1, 2, AT).toJson().get("timestamp"));
        assertEquals("2026-03-01T10:15:30.000Z",
                Score.completed("u", 1, 2, Instant.parse("2026-03-01T10:15:30Z")).toJson().get("timestamp"));
    }

    @Test
    void progressIsSpelledAsTheSpecificationSpellsIt() {
        var json = new Score("u", Optional.empty(), Optional.empty(), Optional.of("started"),
                ActivityProgress.InProgress, GradingProgress.PendingManual, AT).toJson();
        assertEquals("InProgress", json.get("activityProgress"));
        assertEquals("PendingManual", json.get("gradingProgress"));
        assertFalse(json.containsKey("scoreGiven"), "no score yet: the field is absent, not null");
    }

    @Test
    void scoreGivenNeedsScoreMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new Score("u", Optional.of(1.0), Optional.empty(),
                Optional.empty(), ActivityProgress.Completed, GradingProgress.FullyGraded, AT));
    }

    @Test
    void negativeOrNonFiniteScoresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Score.completed("u", -1, 10, AT));
        assertThrows(IllegalArgumentException.class, () -> Score.completed("u", Double.NaN, 10, AT));
        assertThrows(IllegalArgumentException.class, () -> Score.completed("u", 1, 0, AT));
        assertThrows(IllegalArgumentException.class, () -> Score.completed("u", 1, Double.POSITIVE_INFINITY, AT));
    }

    @Test
    void userIdIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> Score.completed(" ", 1, 10, AT));
    }
}
