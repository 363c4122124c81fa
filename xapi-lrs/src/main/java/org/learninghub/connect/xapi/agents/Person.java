package org.learninghub.connect.xapi.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;

/**
 * A Person (1.0.3 Communication §2.4): every name and IFI known for one person, each property an array.
 * This LRS keeps no directory of people, so a Person holds what the Agent asked about holds; the spec
 * requires exactly that when the LRS knows nothing more.
 */
public record Person(List<String> names, List<Ifi> ifis) {

    public Person {
        names = List.copyOf(Objects.requireNonNull(names, "names is required"));
        ifis = List.copyOf(Objects.requireNonNull(ifis, "ifis is required"));
    }

    public static Person of(Agent agent) {
        return new Person(agent.name().stream().toList(), List.of(agent.ifi()));
    }

    /** {@code objectType} "Person"; a property appears only when it has members, once, as an array. */
    public ObjectNode toJson() {
        ObjectNode person = JsonNodeFactory.instance.objectNode();
        person.put("objectType", "Person");
        if (!names.isEmpty()) {
            names.forEach(person.putArray("name")::add);
        }
        for (Ifi ifi : ifis) {
            // Each IFI writes its one property onto a scratch Agent-shaped object; collect it into the array.
            ObjectNode single = JsonNodeFactory.instance.objectNode();
            ifi.writeTo(single);
            single.fields().forEachRemaining(property -> {
                ArrayNode values = person.has(property.getKey())
                        ? (ArrayNode) person.get(property.getKey()) : person.putArray(property.getKey());
                values.add(property.getValue());
            });
        }
        return person;
    }
}
