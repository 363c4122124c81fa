package org.learninghub.connect.xapi.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

class RestrictionTest {

    private static final UUID REGISTRATION = UUID.fromString("8f7e3a52-6e0c-4d8e-9a53-1f0d7f9b2c11");
    private static final String ACTIVITY = "https://content.example.org/course/1";
    private final Restriction restriction = new Restriction(
            new Agent(Optional.empty(), new Ifi.Account("https://lms.example.org", "learner-1")),
            REGISTRATION, ACTIVITY, Optional.of("https://content.example.org"));

    private static String statement(String account, String verb, String object, String registration) {
        return "{\"actor\":{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + account + "\"}},"
                + "\"verb\":{\"id\":\"" + verb + "\"},\"object\":" + object + ","
                + "\"context\":{\"registration\":\"" + registration + "\"}}";
    }

    private void check(String json) {
        restriction.checkStatement(XapiJson.parse(json, "statement"), "");
    }

    private XapiException refused(String json) {
        return assertThrows(XapiException.class, () -> check(json));
    }

    @Test
    void itsOwnLearnerRegistrationAndActivityPass() {
        assertDoesNotThrow(() -> check(statement("learner-1", "http://adlnet.gov/expapi/verbs/completed",
                "{\"id\":\"" + ACTIVITY + "\"}", REGISTRATION.toString())));
    }

    @Test
    void anotherLearnerRegistrationOrActivityIsA403NamingTheField() {
        XapiException actor = refused(statement("learner-2", "http://adlnet.gov/expapi/verbs/completed",
                "{\"id\":\"" + ACTIVITY + "\"}", REGISTRATION.toString()));
        assertEquals(403, actor.status().getStatusCode());
        assertEquals("actor", actor.path());
        assertEquals("context.registration", refused(statement("learner-1", "http://adlnet.gov/expapi/verbs/completed",
                "{\"id\":\"" + ACTIVITY + "\"}", UUID.randomUUID().toString())).path());
        assertEquals("object.id", refused(statement("learner-1", "http://adlnet.gov/expapi/verbs/completed",
                "{\"id\":\"https://content.example.org/course/2\"}", REGISTRATION.toString())).path());
    }

    @Test
    void aLaunchMayNotVoidAnyStatement() {
        String voiding = statement("learner-1", Restriction.VOIDED,
                "{\"objectType\":\"StatementRef\",\"id\":\"" + UUID.randomUUID() + "\"}", REGISTRATION.toString())
                .replace("\"context\":{", "\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"" + ACTIVITY + "\"}]},");
        assertEquals("verb.id", refused(voiding).path());
    }

    @Test
    void queriesAreConfinedToTheRegistrationLearnerAndActivity() {
        assertDoesNotThrow(() -> restriction.checkQuery(Map.of("registration", REGISTRATION.toString())));
        assertThrows(XapiException.class, () -> restriction.checkQuery(Map.of()));
        assertThrows(XapiException.class, () -> restriction.checkQuery(Map.of("registration", REGISTRATION.toString(),
                "activity", "https://content.example.org/course/2")));
    }

    @Test
    void onlyItsOwnStateIsReachable() {
        String ifi = new Ifi.Account("https://lms.example.org", "learner-1").key();
        assertDoesNotThrow(() -> restriction.checkDocument(true, ACTIVITY, ifi, Optional.of(REGISTRATION)));
        assertThrows(XapiException.class, () -> restriction.checkDocument(false, ACTIVITY, ifi, Optional.of(REGISTRATION)));
        assertThrows(XapiException.class, () -> restriction.checkDocument(true, ACTIVITY, ifi, Optional.empty()));
        assertThrows(XapiException.class, () -> restriction.checkDocument(true, ACTIVITY, "other", Optional.of(REGISTRATION)));
    }
}
