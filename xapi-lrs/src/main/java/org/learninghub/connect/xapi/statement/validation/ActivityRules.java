package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** An Activity and its definition, including interaction activities (1.0.3 Data §2.4.4.1). */
final class ActivityRules {

    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT = Set.of("id", "description");
    private static final List<String> COMPONENT_LISTS = List.of("choices", "scale", "source", "target", "steps");
    /** Which component lists each interaction type may carry (1.0.3 Data §2.4.4.1.1, interaction components). */
    private static final Map<String, Set<String>> COMPONENTS_OF = Map.of(
            "true-false", Set.of(),
            "choice", Set.of("choices"),
            "fill-in", Set.of(),
            "long-fill-in", Set.of(),
            "matching", Set.of("source", "target"),
            "performance", Set.of("steps"),
            "sequencing", Set.of("choices"),
            "likert", Set.of("scale"),
            "numeric", Set.of(),
            "other", Set.of());

    private ActivityRules() {
    }

    static void activity(JsonNode node, String path) {
        JsonRules.requireObject(node, path);
        JsonRules.onlyProperties(node, path, ACTIVITY);
        JsonRules.objectTypeIs(node, path, "Activity");
        JsonRules.requiredIndexedIri(node, "id", path);
        if (node.has("definition")) {
            definition(node.get("definition"), child(path, "definition"));
        }
    }

    static void definition(JsonNode def, String path) {
        JsonRules.requireObject(def, path);
        JsonRules.onlyProperties(def, path, DEFINITION);
        Values.languageMap(def, "name", path);
        Values.languageMap(def, "description", path);
        Values.optionalIri(def, "type", path);
        Values.optionalIri(def, "moreInfo", path);
        Values.extensions(def, "extensions", path);
        String interaction = JsonRules.optionalString(def, "interactionType", path);
        if (interaction != null && !COMPONENTS_OF.containsKey(interaction)) {
            throw XapiException.invalid(child(path, "interactionType"), "must be one of " + COMPONENTS_OF.keySet());
        }
        if (def.has("correctResponsesPattern")) {
            if (interaction == null) {
                throw XapiException.invalid(child(path, "correctResponsesPattern"), "needs an interactionType");
            }
            JsonNode pattern = Values.requiredArray(def, "correctResponsesPattern", path);
            for (int i = 0; i < pattern.size(); i++) {
                if (!pattern.get(i).isTextual()) {
                    throw XapiException.invalid(child(path, "correctResponsesPattern") + "[" + i + "]", "must be a string");
                }
            }
        }
        for (String list : COMPONENT_LISTS) {
            if (!def.has(list)) {
                continue;
            }
            if (interaction == null || !COMPONENTS_OF.get(interaction).contains(list)) {
                throw XapiException.invalid(child(path, list),
                        "is not allowed for interactionType " + (interaction == null ? "(none)" : interaction));
            }
            components(Values.requiredArray(def, list, path), child(path, list));
        }
    }

    private static void components(JsonNode list, String path) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode c = JsonRules.requireObject(list.get(i), at);
            JsonRules.onlyProperties(c, at, COMPONENT);
            String id = JsonRules.requiredString(c, "id", at);
            if (!ids.add(id)) {
                throw XapiException.invalid(child(at, "id"), "interaction component ids must be unique within the list");
            }
            Values.languageMap(c, "description", at);
        }
    }
}
