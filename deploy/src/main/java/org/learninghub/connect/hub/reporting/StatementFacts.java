package org.learninghub.connect.hub.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.learninghub.connect.xapi.agent.AgentJson;

/** What the roll-ups read from a stored statement (already validated by the LRS). */
final class StatementFacts {

    private StatementFacts() {
    }

    /** The learner as a report counts them: SHA-256 (hex) of the actor's IFI; empty for an anonymous group. */
    static Optional<String> learner(JsonNode statement) {
        JsonNode actor = statement.path("actor");
        if (!actor.isObject()) {
            return Optional.empty();
        }
        try {
            return AgentJson.parseIfi(actor, "actor").map(ifi -> sha256(ifi.key()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** When it happened: the statement's timestamp (the LRS sets it to stored when the content gives none). */
    static Instant occurred(JsonNode statement, Instant fallback) {
        for (String field : new String[] {"timestamp", "stored"}) {
            JsonNode value = statement.path(field);
            if (value.isTextual()) {
                try {
                    return OffsetDateTime.parse(value.asText()).toInstant();
                } catch (DateTimeParseException e) {
                    // the next source
                }
            }
        }
        return fallback;
    }

    /** The object's IRI when the object is an Activity. */
    static Optional<String> activity(JsonNode statement) {
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asText("Activity");
        return "Activity".equals(type) && object.path("id").isTextual()
                ? Optional.of(object.get("id").asText()) : Optional.empty();
    }

    /**
     * {@code result.duration} in whole seconds, when it is an ISO 8601 duration of days, hours, minutes and seconds
     * (years, months and weeks have no fixed length and are not used).
     */
    static Optional<Long> duration(JsonNode statement) {
        JsonNode d = statement.path("result").path("duration");
        if (!d.isTextual() || d.asText().length() > 64) {
            return Optional.empty();
        }
        try {
            Duration parsed = Duration.parse(d.asText());
            return parsed.isNegative() ? Optional.empty() : Optional.of(parsed.getSeconds());
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Seconds from the start of the attempt to its completion; empty when the clock went backwards. */
    static Optional<Long> since(Instant started, Instant completed) {
        long seconds = Duration.between(started, completed).getSeconds();
        return seconds < 0 ? Optional.empty() : Optional.of(seconds);
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
