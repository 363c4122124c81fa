package org.learninghub.connect.xapi.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** An Actor (1.0.3 Data §2.4.2): an Agent, or a Group identified by an IFI or anonymous by its members. */
public sealed interface Actor permits Agent, Group {

    /** The IFI that identifies this Actor; empty for an anonymous Group. */
    Optional<Ifi> identifier();

    /** The Agents a Group lists; empty for an Agent. */
    List<Agent> members();

    ObjectNode toJson();
}
