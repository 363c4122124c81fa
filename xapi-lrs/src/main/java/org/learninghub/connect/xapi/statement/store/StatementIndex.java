package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.agent.Actor;
import org.learninghub.connect.xapi.agent.GroupJson;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.statement.validation.StatementRules;

/**
 * Turns a validated, completed statement into its write model: the agents, activities and verb each
 * query filter matches (1.0.3 Communication §2.1.3), in the places the filters distinguish.
 */
public final class StatementIndex {

    private StatementIndex() {
    }

    public static NewStatement of(ObjectNode statement, ObjectNode sent) {
        Set<Link> agents = new LinkedHashSet<>();
        Set<Link> activities = new LinkedHashSet<>();
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        actor(statement.get("actor"), Link.DIRECT, agents);
        JsonNode object = statement.get("object");
        String type = object.path("objectType").asText("Activity");
        Optional<UUID> ref = Optional.empty();
        switch (type) {
            case "Activity" -> activity(object, Link.DIRECT, activities, definitions);
            case "Agent", "Group" -> actor(object, Link.DIRECT, agents);
            case "StatementRef" -> ref = Optional.of(UUID.fromString(object.get("id").asText()));
            default -> subStatement(object, agents, activities, definitions);
        }
        actor(statement.get("authority"), Link.RELATED, agents);
        context(statement.get("context"), agents, activities, definitions);
        Optional<UUID> registration = Optional.ofNullable(statement.path("context").get("registration"))
                .map(r -> UUID.fromString(r.asText()));
        Optional<UUID> voiding = StatementRules.isVoiding(statement) ? ref : Optional.empty();
        return new NewStatement(UUID.fromString(statement.get("id").asText()), statement, sent,
                statement.get("verb").get("id").asText(), registration, voiding, ref,
                strongest(agents), strongest(activities), definitions, statement.has("attachments"));
    }

    /** One link per key: a key that is direct anywhere is direct (so a query never returns a statement twice). */
    private static List<Link> strongest(Set<Link> links) {
        Map<String, Link> byKey = new LinkedHashMap<>();
        for (Link l : links) {
            byKey.merge(l.key(), l, (a, b) -> a.relation() == Link.DIRECT ? a : b);
        }
        return new ArrayList<>(byKey.values());
    }

    private static void subStatement(JsonNode sub, Set<Link> agents, Set<Link> activities, Map<String, ObjectNode> defs) {
        actor(sub.get("actor"), Link.RELATED, agents);
        JsonNode object = sub.get("object");
        String type = object.path("objectType").asText("Activity");
        if (type.equals("Activity")) {
            activity(object, Link.RELATED, activities, defs);
        } else if (type.equals("Agent") || type.equals("Group")) {
            actor(object, Link.RELATED, agents);
        }
        context(sub.get("context"), agents, activities, defs);
    }

    private static void context(JsonNode context, Set<Link> agents, Set<Link> activities, Map<String, ObjectNode> defs) {
        if (context == null) {
            return;
        }
        actor(context.get("instructor"), Link.RELATED, agents);
        actor(context.get("team"), Link.RELATED, agents);
        for (JsonNode a : context.path("contextAgents")) {
            actor(a.get("agent"), Link.RELATED, agents);
        }
        for (JsonNode g : context.path("contextGroups")) {
            actor(g.get("group"), Link.RELATED, agents);
        }
        JsonNode ca = context.get("contextActivities");
        if (ca != null) {
            for (String kind : List.of("parent", "grouping", "category", "other")) {
                for (JsonNode a : ca.path(kind)) {
                    activity(a, Link.RELATED, activities, defs);
                }
            }
        }
    }

    /** An Agent or identified Group; a Group's members count too (a member is related to the statement). */
    private static void actor(JsonNode node, char relation, Set<Link> agents) {
        if (node == null) {
            return;
        }
        Actor actor = GroupJson.parseActor(node, "");
        actor.identifier().map(Ifi::key).ifPresent(k -> agents.add(new Link(k, relation)));
        char memberRelation = actor.identifier().isPresent() ? Link.RELATED : relation;
        actor.members().forEach(m -> agents.add(new Link(m.ifi().key(), memberRelation)));
    }

    private static void activity(JsonNode node, char relation, Set<Link> activities, Map<String, ObjectNode> defs) {
        String iri = node.get("id").asText();
        activities.add(new Link(iri, relation));
        if (node.get("definition") instanceof ObjectNode def) {
            defs.merge(iri, def.deepCopy(), (a, b) -> {
                a.setAll(b);
                return a;
            });
        }
    }
}
