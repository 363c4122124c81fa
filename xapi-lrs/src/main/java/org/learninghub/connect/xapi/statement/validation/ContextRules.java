package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.learninghub.connect.xapi.agent.GroupJson;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** The context of a statement (1.0.3 Data §2.4.6; 2.0.0 adds contextAgents and contextGroups). */
final class ContextRules {

    private static final Set<String> CONTEXT_103 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_200 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> CONTEXT_AGENT = Set.of("objectType", "agent", "relevantTypes");
    private static final Set<String> CONTEXT_GROUP = Set.of("objectType", "group", "relevantTypes");

    private ContextRules() {
    }

    /**
     * Validates a context and normalises each contextActivities value to an array (1.0.3 Data
     * §2.4.6.2: the LRS returns arrays even when a single Activity was sent).
     */
    static void context(JsonNode context, String path, boolean objectIsActivity, boolean v2) {
        JsonRules.requireObject(context, path);
        JsonRules.onlyProperties(context, path, v2 ? CONTEXT_200 : CONTEXT_103);
        if (context.has("registration")) {
            Values.requiredUuid(context, "registration", path);
        }
        if (context.has("instructor")) {
            GroupJson.parseActor(context.get("instructor"), child(path, "instructor"));
        }
        if (context.has("team")) {
            GroupJson.parseGroup(context.get("team"), child(path, "team"));
        }
        for (String name : new String[] {"revision", "platform"}) {
            if (JsonRules.optionalString(context, name, path) != null && !objectIsActivity) {
                throw XapiException.invalid(child(path, name), "is allowed only when the object is an Activity");
            }
        }
        String language = JsonRules.optionalString(context, "language", path);
        if (language != null && !Values.isLanguageTag(language)) {
            throw XapiException.invalid(child(path, "language"), "must be an RFC 5646 language tag (of at most " + Values.MAX_LANGUAGE_TAG + " characters)");
        }
        if (context.has("statement")) {
            StatementRefRules.statementRef(context.get("statement"), child(path, "statement"), true);
        }
        Values.extensions(context, "extensions", path);
        if (context.has("contextActivities")) {
            contextActivities((ObjectNode) JsonRules.requireObject(context.get("contextActivities"),
                    child(path, "contextActivities")), child(path, "contextActivities"));
        }
        if (context.has("contextAgents")) {
            contextActors(context, "contextAgents", "contextAgent", "agent", CONTEXT_AGENT, path);
        }
        if (context.has("contextGroups")) {
            contextActors(context, "contextGroups", "contextGroup", "group", CONTEXT_GROUP, path);
        }
    }

    private static void contextActivities(ObjectNode activities, String path) {
        JsonRules.onlyProperties(activities, path, CONTEXT_ACTIVITIES);
        for (String kind : CONTEXT_ACTIVITIES) {
            JsonNode value = activities.get(kind);
            if (value == null) {
                continue;
            }
            if (value.isObject()) {
                ArrayNode array = activities.arrayNode().add(value);
                activities.set(kind, array);
                value = array;
            }
            if (!value.isArray()) {
                throw XapiException.invalid(child(path, kind), "must be an Activity or an array of Activities");
            }
            for (int i = 0; i < value.size(); i++) {
                ActivityRules.activity(value.get(i), child(path, kind) + "[" + i + "]");
            }
        }
    }

    private static void contextActors(JsonNode context, String list, String type, String property,
            Set<String> allowed, String path) {
        JsonNode array = Values.requiredArray(context, list, path);
        for (int i = 0; i < array.size(); i++) {
            String at = child(path, list) + "[" + i + "]";
            JsonNode entry = JsonRules.requireObject(array.get(i), at);
            JsonRules.onlyProperties(entry, at, allowed);
            if (!type.equals(JsonRules.requiredString(entry, "objectType", at))) {
                throw XapiException.invalid(child(at, "objectType"), "must be \"" + type + "\"");
            }
            if (!entry.has(property)) {
                throw XapiException.invalid(child(at, property), "is required");
            }
            if (property.equals("agent")) {
                org.learninghub.connect.xapi.agent.AgentJson.parseAgent(entry.get(property), child(at, property));
            } else {
                GroupJson.parseGroup(entry.get(property), child(at, property));
            }
            if (entry.has("relevantTypes")) {
                JsonNode types = Values.requiredArray(entry, "relevantTypes", at);
                if (types.isEmpty()) {
                    throw XapiException.invalid(child(at, "relevantTypes"), "must list at least one IRI");
                }
                for (int t = 0; t < types.size(); t++) {
                    JsonNode iri = types.get(t);
                    if (!iri.isTextual() || !org.learninghub.connect.xapi.validation.Iri.isAbsolute(iri.textValue())) {
                        throw XapiException.invalid(child(at, "relevantTypes") + "[" + t + "]", "must be an absolute IRI");
                    }
                }
            }
        }
    }
}
