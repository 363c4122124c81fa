package org.learninghub.connect.hub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;

/** A learner keyed from issuer and sub is the learner the roll-ups key from the launch bridge's actor. */
class LearnerKeysTest {

    @Test
    void theKeyOfIssuerAndSubIsTheKeyOfTheBridgesActorInAStatement() {
        ObjectNode statement = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        statement.set("actor", Agent.of(new Ifi.Account("https://lms.rx1.example", "user-42")).toJson());

        assertEquals(StatementFacts.learner(statement).orElseThrow(),
                LearnerKeys.of("https://lms.rx1.example", "user-42"));
    }

    @Test
    void theSameSubOnAnotherPlatformIsAnotherLearner() {
        assertNotEquals(LearnerKeys.of("https://lms.rx1.example", "user-42"),
                LearnerKeys.of("https://lms.rx2.example", "user-42"));
        assertEquals(64, LearnerKeys.of("https://lms.rx1.example", "user-42").length());
    }
}
