package org.learninghub.connect.hub.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One counted kind of one statement about a catalogue resource.
 *
 * @param attempt the registration for per-attempt kinds, else the statement id
 * @param seconds time to complete, for completions whose duration is known
 */
record Fact(UUID statement, Kind kind, UUID attempt, UUID resource, String learner, Instant occurred,
            Optional<Long> seconds) {

    LocalDate day() {
        return Days.day(occurred);
    }
}
