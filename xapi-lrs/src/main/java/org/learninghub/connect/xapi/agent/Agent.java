package org.learninghub.connect.xapi.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An Agent (1.0.3 Data §2.4.2.1): exactly one IFI and an optional name. Build one with {@link AgentJson}. */
public record Agent(Optional<String> name, Ifi ifi) implements Actor {

    public Agent {
        Objects.requireNonNull(name, "name is required (may be empty)");
        Objects.requireNonNull(ifi, "ifi is required");
    }

    public static Agent of(Ifi ifi) {
        return new Agent(Optional.empty(), ifi);
    }

    @Override
    public Optional<Ifi> identifier() {
        return Optional.of(ifi);
    }

    @Override
    public List<Agent> members() {
        return List.of();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("objectType", "Agent");
        name.ifPresent(n -> node.put("name", n));
        ifi.writeTo(node);
        return node;
    }
}
