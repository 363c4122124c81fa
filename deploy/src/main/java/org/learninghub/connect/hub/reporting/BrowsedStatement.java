package org.learninghub.connect.hub.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.agent.Ifi;

/**
 * One statement as the statement browser shows it: where it was stored and what it says, read from the stored
 * statement (already validated by the LRS). The learner and an agent object are named by their IFI key, the
 * identifier the erasure and the roll-ups use.
 */
record BrowsedStatement(long seq, UUID id, Instant stored, String timestamp, String trust, UUID resource,
                        String learner, String verb, String object, UUID registration, JsonNode result) {

    static final List<Column> COLUMNS = List.of(Column.text("id"), Column.text("stored"), Column.text("timestamp"),
            Column.text("trust"), Column.text("resource"), Column.text("learner"), Column.text("verb"),
            Column.text("object"), Column.text("registration"), Column.number("success"),
            Column.number("completion"), Column.number("scoreScaled"), Column.number("scoreRaw"),
            Column.text("duration"));

    static BrowsedStatement of(long seq, UUID id, Instant stored, UUID registration, String trust, UUID resource,
                               JsonNode statement) {
        return new BrowsedStatement(seq, id, stored, text(statement.path("timestamp")), trust, resource,
                ifi(statement.path("actor")), text(statement.path("verb").path("id")), object(statement.path("object")),
                registration, result(statement.path("result")));
    }

    /** The JSON form: the result is an object, or null when the statement has none. */
    ObjectNode json() {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", id.toString());
        row.put("stored", stored.toString());
        row.put("timestamp", timestamp);
        row.put("trust", trust);
        row.put("resource", resource == null ? null : resource.toString());
        row.put("learner", learner);
        row.put("verb", verb);
        row.put("object", object);
        row.put("registration", registration == null ? null : registration.toString());
        row.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
        return row;
    }

    /** The CSV cells, in {@link #COLUMNS} order: the result's parts in columns of their own. */
    Object[] cells() {
        JsonNode r = result == null ? JsonNodeFactory.instance.objectNode() : result;
        return new Object[] {id, stored, timestamp, trust, resource, learner, verb, object, registration,
            value(r.path("success")), value(r.path("completion")), value(r.path("score").path("scaled")),
            value(r.path("score").path("raw")), value(r.path("duration"))};
    }

    private static String value(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static String ifi(JsonNode agent) {
        if (!agent.isObject()) {
            return null;
        }
        try {
            return AgentJson.parseIfi(agent, "actor").map(Ifi::key).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An Activity or StatementRef by its id, an Agent or Group by its IFI key, a SubStatement by that word. */
    private static String object(JsonNode object) {
        String type = object.path("objectType").asText("Activity");
        return switch (type) {
            case "Activity", "StatementRef" -> text(object.path("id"));
            case "Agent", "Group" -> ifi(object);
            default -> type;
        };
    }

    private static JsonNode result(JsonNode result) {
        if (!result.isObject()) {
            return null;
        }
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.set("success", copy(result.path("success")));
        r.set("completion", copy(result.path("completion")));
        JsonNode score = result.path("score");
        if (score.isObject()) {
            ObjectNode s = r.putObject("score");
            s.set("scaled", copy(score.path("scaled")));
            s.set("raw", copy(score.path("raw")));
        } else {
            r.putNull("score");
        }
        r.set("duration", copy(result.path("duration")));
        return r;
    }

    private static JsonNode copy(JsonNode n) {
        return n.isValueNode() ? n : JsonNodeFactory.instance.nullNode();
    }
}
