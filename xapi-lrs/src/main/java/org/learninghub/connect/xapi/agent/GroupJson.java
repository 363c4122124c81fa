package org.learninghub.connect.xapi.agent;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** Reads and validates Actors: Agents and Groups (1.0.3 Data §2.4.2.1–2.4.2.2), in one place. */
public final class GroupJson {

    private static final Set<String> GROUP_PROPERTIES =
            Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");

    private GroupJson() {
    }

    /** An Actor: a Group when {@code objectType} says so, an Agent otherwise. */
    public static Actor parseActor(JsonNode node, String path) {
        JsonRules.requireObject(node, path);
        JsonNode type = node.get("objectType");
        if (type != null && type.isTextual() && type.textValue().equals("Group")) {
            return parseGroup(node, path);
        }
        return AgentJson.parseAgent(node, path);
    }

    public static Group parseGroup(JsonNode node, String path) {
        JsonRules.requireObject(node, path);
        JsonRules.onlyProperties(node, path, GROUP_PROPERTIES);
        String type = JsonRules.optionalString(node, "objectType", path);
        if (!"Group".equals(type)) {
            throw XapiException.invalid(child(path, "objectType"), "must be \"Group\" for a Group");
        }
        String name = JsonRules.optionalString(node, "name", path);
        Optional<Ifi> ifi = AgentJson.parseIfi(node, path);
        List<Agent> members = new ArrayList<>();
        JsonNode member = node.get("member");
        if (member != null) {
            if (!member.isArray()) {
                throw XapiException.invalid(child(path, "member"), "must be an array of Agents");
            }
            for (int i = 0; i < member.size(); i++) {
                String at = child(path, "member") + "[" + i + "]";
                JsonNode m = member.get(i);
                if (m != null && m.isObject() && m.has("objectType") && "Group".equals(m.get("objectType").asText())) {
                    throw XapiException.invalid(at, "a Group's members must be Agents, not Groups");
                }
                members.add(AgentJson.parseAgent(m, at));
            }
        }
        if (ifi.isEmpty() && members.isEmpty()) {
            throw XapiException.invalid(path, "an anonymous Group (no IFI) must list at least one member");
        }
        return new Group(Optional.ofNullable(name), ifi, members);
    }
}
