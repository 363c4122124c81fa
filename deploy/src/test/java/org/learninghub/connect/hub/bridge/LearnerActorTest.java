package org.learninghub.connect.hub.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.trust.LearnerIdentity;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.xapi.agent.Agent;

class LearnerActorTest {

    private static final String ISSUER = "https://lms.example.nhs.uk";

    private static LaunchContext launch(String name, String email) {
        return new LaunchContext(1, 2, ISSUER, "client", "deployment", "LtiResourceLinkRequest",
                Optional.of("sub-1"), Optional.ofNullable(name), Optional.ofNullable(email), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void pseudonymousIsTheAccountAlone() {
        Agent actor = LearnerActor.of(launch("Mary Seacole", "mary@example.nhs.uk"), LearnerIdentity.PSEUDONYMOUS);
        assertEquals("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + ISSUER + "\",\"name\":\"sub-1\"}}",
                actor.toJson().toString());
    }

    @Test
    void namedAddsTheNameToTheSameAccountAndNeverTheEmail() {
        Agent actor = LearnerActor.of(launch("  Mary Seacole ", "mary@example.nhs.uk"), LearnerIdentity.NAMED);
        assertEquals(Optional.of("Mary Seacole"), actor.name());
        assertEquals(LearnerActor.of(ISSUER, "sub-1").ifi(), actor.ifi());
        assertFalse(actor.toJson().toString().contains("mary@"), actor.toJson().toString());
    }

    @Test
    void namedWithoutANameIsTheAccountAlone() {
        assertEquals(Optional.empty(), LearnerActor.of(launch(null, null), LearnerIdentity.NAMED).name());
        assertEquals(Optional.empty(), LearnerActor.of(launch("   ", null), LearnerIdentity.NAMED).name());
    }

    @Test
    void longNamesAreCutWithinTheColumnAndNeverInsideACodePoint() {
        String name = "a".repeat(LearnerActor.MAX_NAME - 1) + "\uD83D\uDE00" + "b";
        String cut = LearnerActor.name(launch(name, null)).orElseThrow();
        assertEquals(LearnerActor.MAX_NAME - 1, cut.length());
        assertEquals(LearnerActor.MAX_NAME, LearnerActor.name(launch("c".repeat(400), null)).orElseThrow().length());
    }

    @Test
    void anEmailLongerThanTheColumnIsNotKept() {
        assertEquals(Optional.of("mary@example.nhs.uk"), LearnerActor.email(launch(null, " mary@example.nhs.uk ")));
        assertEquals(Optional.empty(), LearnerActor.email(launch(null, "m".repeat(310) + "@example.nhs.uk")));
    }
}
