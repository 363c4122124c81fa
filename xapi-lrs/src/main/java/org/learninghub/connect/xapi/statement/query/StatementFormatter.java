package org.learninghub.connect.xapi.statement.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code format} to a stored statement (1.0.3 Communication §2.1.3): {@code exact} as stored;
 * {@code ids} keeps only identifiers of agents, groups, activities and verbs; {@code canonical} keeps
 * one language of each language map, the best match of {@code Accept-Language}.
 */
public final class StatementFormatter {

    private static final List<String> ACTOR_PLACES = List.of("actor", "authority");
    private static final List<String> LANGUAGE_MAPS = List.of("display", "name", "description");

    private StatementFormatter() {
    }

    public static ObjectNode format(ObjectNode statement, Format format, List<Locale.LanguageRange> languages) {
        return switch (format) {
            case EXACT -> statement;
            case IDS -> ids(statement);
            case CANONICAL -> canonical(statement, languages);
        };
    }

    private static ObjectNode ids(ObjectNode s) {
        ACTOR_PLACES.forEach(p -> idsOfActor(s, p));
        if (s.get("verb") instanceof ObjectNode verb) {
            verb.retain("id");
        }
        JsonNode object = s.get("object");
        if (object instanceof ObjectNode o) {
            String type = o.path("objectType").asText("Activity");
            switch (type) {
                case "Activity" -> o.retain("id");
                case "Agent", "Group" -> idsOfActor(s, "object");
                case "SubStatement" -> ids(o);
                default -> { }
            }
        }
        if (s.get("context") instanceof ObjectNode context) {
            idsOfActor(context, "instructor");
            idsOfActor(context, "team");
            if (context.get("contextActivities") instanceof ObjectNode ca) {
                ca.elements().forEachRemaining(list -> list.forEach(a -> ((ObjectNode) a).retain("id")));
            }
            for (String list : List.of("contextAgents", "contextGroups")) {
                context.path(list).forEach(e -> {
                    idsOfActor((ObjectNode) e, "agent");
                    idsOfActor((ObjectNode) e, "group");
                });
            }
        }
        return s;
    }

    /** An Agent or identified Group keeps objectType and its IFI; an anonymous Group its members' IFIs. */
    private static void idsOfActor(ObjectNode parent, String property) {
        if (!(parent.get(property) instanceof ObjectNode actor)) {
            return;
        }
        boolean identified = actor.has("mbox") || actor.has("mbox_sha1sum") || actor.has("openid") || actor.has("account");
        if (identified) {
            actor.retain("objectType", "mbox", "mbox_sha1sum", "openid", "account");
        } else {
            actor.retain("objectType", "member");
            actor.path("member").forEach(m -> ((ObjectNode) m).retain("objectType", "mbox", "mbox_sha1sum", "openid", "account"));
        }
    }

    private static ObjectNode canonical(ObjectNode s, List<Locale.LanguageRange> languages) {
        walk(s, languages);
        return s;
    }

    /** Every language map in the statement is one of display, name or description. */
    private static void walk(JsonNode node, List<Locale.LanguageRange> languages) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("extensions")) {
                    continue;
                }
                if (LANGUAGE_MAPS.contains(e.getKey()) && e.getValue() instanceof ObjectNode map) {
                    reduce(map, languages);
                } else {
                    walk(e.getValue(), languages);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> walk(n, languages));
        }
    }

    private static void reduce(ObjectNode map, List<Locale.LanguageRange> languages) {
        if (map.size() <= 1) {
            return;
        }
        List<String> tags = new java.util.ArrayList<>();
        map.fieldNames().forEachRemaining(tags::add);
        String chosen = null;
        if (!languages.isEmpty()) {
            List<String> matches = Locale.filterTags(languages, tags);
            chosen = matches.isEmpty() ? null : tags.stream()
                    .filter(t -> t.equalsIgnoreCase(matches.get(0))).findFirst().orElse(null);
        }
        if (chosen == null) {
            chosen = tags.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("en")).findFirst().orElse(tags.get(0));
        }
        map.retain(chosen);
    }
}
