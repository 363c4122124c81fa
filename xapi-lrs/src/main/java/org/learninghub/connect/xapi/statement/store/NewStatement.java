package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated, completed statement (id, stored, authority, version set) and everything its rows need:
 * the write model built before the transaction starts.
 *
 * @param sent the statement as the client sent it, for the immutability comparison
 * @param activityDefinitions definitions this statement gives, by activity IRI, for the Activities resource
 */
public record NewStatement(UUID id, ObjectNode statement, ObjectNode sent, String verb, Optional<UUID> registration,
        Optional<UUID> voidingTarget, Optional<UUID> statementRef, List<Link> agents, List<Link> activities,
        Map<String, ObjectNode> activityDefinitions, boolean hasAttachments) {

    public NewStatement {
        Objects.requireNonNull(id, "id is required");
        agents = List.copyOf(agents);
        activities = List.copyOf(activities);
        activityDefinitions = Map.copyOf(activityDefinitions);
    }
}
