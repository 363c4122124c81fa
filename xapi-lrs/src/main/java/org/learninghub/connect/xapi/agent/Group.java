package org.learninghub.connect.xapi.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Group (1.0.3 Data §2.4.2.2): identified when it has an IFI, anonymous otherwise, in which case it
 * must list its members. Members are Agents only. Build one with {@link GroupJson}.
 */
public record Group(Optional<String> name, Optional<Ifi> ifi, List<Agent> members) implements Actor {

    public Group {
        Objects.requireNonNull(name, "name is required (may be empty)");
        Objects.requireNonNull(ifi, "ifi is required (may be empty)");
        members = List.copyOf(members);
        if (ifi.isEmpty() && members.isEmpty()) {
            throw new IllegalArgumentException("an anonymous Group must list its members");
        }
    }

    @Override
    public Optional<Ifi> identifier() {
        return ifi;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("objectType", "Group");
        name.ifPresent(n -> node.put("name", n));
        ifi.ifPresent(i -> i.writeTo(node));
        if (!members.isEmpty()) {
            ArrayNode array = node.putArray("member");
            members.forEach(m -> array.add(m.toJson()));
        }
        return node;
    }
}
