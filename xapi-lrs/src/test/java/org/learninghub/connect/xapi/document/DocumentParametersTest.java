package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.document.DocumentParameters.Operation;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;

class DocumentParametersTest {

    private static final String ACTIVITY = "http://www.example.com/activityId/hashset";
    private static final String AGENT = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://www.example.com/agentId/1\","
            + "\"name\":\"Rick James\"}}";

    private static MultivaluedMap<String, String> query(String... pairs) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    @Test
    void anOverlongRegistrationIsRefusedBeforeThePatternRuns() {
        assertEquals("registration", refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY, "agent", AGENT,
                "registration", UUID.randomUUID() + "0".repeat(100_000)).path());
    }

    private static XapiException refused(DocumentKind kind, Operation operation, String... pairs) {
        return assertThrows(XapiException.class,
                () -> DocumentParameters.parse(kind, operation, XapiVersion.V2_0_0, query(pairs)));
    }

    @Test
    void readsASingleStateDocumentRequest() {
        UUID registration = UUID.randomUUID();
        DocumentRequest request = DocumentParameters.parse(DocumentKind.STATE, Operation.WRITE, XapiVersion.V2_0_0,
                query("activityId", ACTIVITY, "agent", AGENT, "registration", registration.toString(), "stateId", "bookmark"));
        assertEquals(ACTIVITY, request.scope().activityIri());
        assertEquals("account:http://www.example.com/agentId/1|Rick James", request.scope().agentIfi());
        assertEquals(Optional.of(registration), request.registration());
        assertEquals("bookmark", request.key().id());
    }

    @Test
    void readsAListRequestWithSince() {
        DocumentRequest request = DocumentParameters.parse(DocumentKind.ACTIVITY_PROFILE, Operation.READ, XapiVersion.V2_0_0,
                query("activityId", ACTIVITY, "since", "2024-05-01T10:15:30.123+01:00"));
        assertEquals(Optional.of(Instant.parse("2024-05-01T09:15:30.123Z")), request.since());
        assertTrue(request.documentId().isEmpty());
    }

    @Test
    void missingRequiredParametersAreNamed() {
        assertEquals("activityId", refused(DocumentKind.STATE, Operation.READ, "agent", AGENT).path());
        assertEquals("agent", refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY).path());
        assertEquals("stateId", refused(DocumentKind.STATE, Operation.WRITE, "activityId", ACTIVITY, "agent", AGENT).path());
        assertEquals("profileId", refused(DocumentKind.AGENT_PROFILE, Operation.DELETE, "agent", AGENT).path());
        assertEquals("agent", refused(DocumentKind.AGENT_PROFILE, Operation.WRITE, "profileId", "p").path());
    }

    @Test
    void stateDeleteWithoutStateIdMeansTheWholeContext() {
        DocumentRequest request = DocumentParameters.parse(DocumentKind.STATE, Operation.DELETE, XapiVersion.V2_0_0,
                query("activityId", ACTIVITY, "agent", AGENT));
        assertTrue(request.documentId().isEmpty());
    }

    @Test
    void unknownAndRepeatedParametersAreRefused() {
        assertEquals("colour", refused(DocumentKind.STATE, Operation.READ,
                "activityId", ACTIVITY, "agent", AGENT, "colour", "red").path());
        assertEquals("registration", refused(DocumentKind.ACTIVITY_PROFILE, Operation.WRITE,
                "activityId", ACTIVITY, "profileId", "p", "registration", UUID.randomUUID().toString()).path());
        assertEquals("agent", refused(DocumentKind.ACTIVITY_PROFILE, Operation.READ,
                "activityId", ACTIVITY, "agent", AGENT).path());
        assertEquals("since", refused(DocumentKind.STATE, Operation.DELETE,
                "activityId", ACTIVITY, "agent", AGENT, "since", "2024-05-01T10:15:30Z").path());
        assertEquals("stateId", refused(DocumentKind.STATE, Operation.READ,
                "activityId", ACTIVITY, "agent", AGENT, "stateId", "a", "stateId", "b").path());
    }

    @Test
    void activityIdMustBeAnIri() {
        assertEquals("activityId", refused(DocumentKind.ACTIVITY_PROFILE, Operation.READ, "activityId", "not an iri").path());
        assertEquals("activityId", refused(DocumentKind.ACTIVITY_PROFILE, Operation.READ,
                "activityId", "{\"key\":\"value\"}").path());
    }

    @Test
    void agentMustBeAnAgentObject() {
        refused(DocumentKind.AGENT_PROFILE, Operation.READ, "agent", "not JSON");
        refused(DocumentKind.AGENT_PROFILE, Operation.READ, "agent", "true");
        refused(DocumentKind.AGENT_PROFILE, Operation.READ, "agent", "{\"objectType\":\"Agent\"}");
    }

    @Test
    void identifiedGroupsNameDocumentsIn200Only() {
        String group = "{\"objectType\":\"Group\",\"name\":\"Team\",\"mbox\":\"mailto:team@example.org\","
                + "\"member\":[{\"mbox\":\"mailto:ann@example.org\"}]}";
        DocumentRequest request = DocumentParameters.parse(DocumentKind.AGENT_PROFILE, Operation.READ,
                XapiVersion.V2_0_0, query("agent", group));
        assertEquals("mbox:mailto:team@example.org", request.scope().agentIfi());
        assertThrows(XapiException.class, () -> DocumentParameters.parse(DocumentKind.AGENT_PROFILE, Operation.READ,
                XapiVersion.V1_0_3, query("agent", group)));
        refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY,
                "agent", "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:ann@example.org\"}]}");
        refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY,
                "agent", "{\"objectType\":\"Group\",\"mbox\":\"mailto:t@example.org\",\"member\":[{\"name\":\"x\"}]}");
        refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY,
                "agent", "{\"objectType\":\"Group\",\"mbox\":\"mailto:t@example.org\",\"colour\":\"red\"}");
    }

    @Test
    void registrationMustBeACanonicalUuid() {
        assertEquals("registration", refused(DocumentKind.STATE, Operation.READ,
                "activityId", ACTIVITY, "agent", AGENT, "registration", "true").path());
        refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY, "agent", AGENT, "registration", "1-2-3-4-5");
    }

    @Test
    void sinceMustBeATimestampWithAZone() {
        assertEquals("since", refused(DocumentKind.STATE, Operation.READ,
                "activityId", ACTIVITY, "agent", AGENT, "since", "not a timestamp").path());
        refused(DocumentKind.STATE, Operation.READ, "activityId", ACTIVITY, "agent", AGENT, "since", "2024-05-01T10:15:30");
    }

    @Test
    void emptyIdIsRefused() {
        assertEquals("profileId", refused(DocumentKind.ACTIVITY_PROFILE, Operation.READ,
                "activityId", ACTIVITY, "profileId", "").path());
    }
}
