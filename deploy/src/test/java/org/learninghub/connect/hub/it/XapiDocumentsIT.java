package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learninghub.connect.hub.it.XapiDocumentClient.ACTIVITY_PROFILE;
import static org.learninghub.connect.hub.it.XapiDocumentClient.AGENT_PROFILE;
import static org.learninghub.connect.hub.it.XapiDocumentClient.STATE;
import static org.learninghub.connect.hub.it.XapiDocumentClient.params;
import static org.learninghub.connect.hub.it.XapiDocumentClient.with;
import static org.learninghub.connect.hub.it.XapiDocumentClient.without;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The State, Activity Profile, Agent Profile and Agents resources over real HTTP against PostgreSQL:
 * document semantics, JSON merge, ETag/Last-Modified and preconditions, validation, scopes and tenant
 * isolation (1.0.3 Communication §2.2–2.7, §3.1; 2.0.0 document concurrency).
 */
class XapiDocumentsIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVITY = "http://www.example.com/activities/course-1";
    private static final String AGENT = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:learner@example.org\"}";
    private XapiDocumentClient client(String version, String... scopes) {
        HubClient hub = new HubClient(base);
        return new XapiDocumentClient(hub, XapiCredential.issue(hub, scopes.length == 0 ? new String[] {"all"} : scopes),
                version);
    }

    private static Map<String, String> state(String stateId) {
        return params("activityId", ACTIVITY, "agent", AGENT, "stateId", stateId);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes("UTF-8")));
    }

    @Test
    void stateIsStoredMergedAndServedWithEtagAndLastModified() throws Exception {
        XapiDocumentClient lrs = client("1.0.3");
        assertEquals(204, lrs.putJson(STATE, state("bookmark"), "{\"x\":\"foo\",\"y\":\"bar\"}").statusCode());
        HttpResponse<String> merged = lrs.postJson(STATE, state("bookmark"), "{\"x\":\"bash\",\"z\":\"faz\"}");
        assertEquals(204, merged.statusCode(), merged.body());

        HttpResponse<String> got = lrs.get(STATE, state("bookmark"));
        assertEquals(200, got.statusCode());
        assertEquals(JSON.readTree("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\"}"), json(got));
        assertEquals("\"" + sha1(got.body()) + "\"", etag(got), "ETag is the quoted SHA-1 of the content");
        assertEquals(etag(merged), etag(got), "a write answers with the new ETag");
        assertTrue(got.headers().firstValue("Last-Modified").isPresent());
        assertTrue(got.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> head = lrs.head(STATE, state("bookmark"));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(etag(got), etag(head));
    }

    @Test
    void anyContentTypeRoundTripsExactly() {
        XapiDocumentClient lrs = client("2.0.0");
        String suspendData = "/ asdf / undefined \u00e9\u4e2d";
        assertEquals(204, lrs.put(STATE, state("suspend"), "text/plain; charset=utf-8", suspendData).statusCode());
        HttpResponse<String> got = lrs.get(STATE, state("suspend"));
        assertEquals(suspendData, got.body());
        assertEquals("text/plain; charset=utf-8", got.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> merge = lrs.postJson(STATE, state("suspend"), "{\"a\":1}");
        assertEquals(400, merge.statusCode(), "POST JSON onto a non-JSON document is refused");
        assertEquals(suspendData, lrs.get(STATE, state("suspend")).body(), "and changes nothing");
    }

    @Test
    void postOfNonJsonOrBrokenJsonOntoJsonIsRefusedWithoutChange() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        assertEquals(204, lrs.postJson(STATE, state("s"), "{\"car\":\"Honda\"}").statusCode());
        assertEquals(400, lrs.post(STATE, state("s"), "application/x-www-form-urlencoded", "abc").statusCode());
        assertEquals(400, lrs.postJson(STATE, state("s"), "{\"type\":\"Civic\"}{").statusCode());
        assertEquals(400, lrs.postJson(STATE, state("s"), "[1,2]").statusCode());
        assertEquals(JSON.readTree("{\"car\":\"Honda\"}"), json(lrs.get(STATE, state("s"))));
        assertEquals(400, lrs.postJson(STATE, state("new"), "{\"broken\":").statusCode(), "even for a new document");
        assertEquals(404, lrs.get(STATE, state("new")).statusCode());
    }

    @Test
    void registrationSeparatesStatesAndListsFilterBySince() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        String registration = UUID.randomUUID().toString();
        assertEquals(204, lrs.postJson(STATE, state("a"), "{}").statusCode());
        assertEquals(204, lrs.postJson(STATE, with(state("b"), "registration", registration), "{\"r\":1}").statusCode());
        assertEquals(404, lrs.get(STATE, state("b")).statusCode(), "b exists only in its registration");

        Map<String, String> context = params("activityId", ACTIVITY, "agent", AGENT);
        HttpResponse<String> all = lrs.get(STATE, context);
        assertEquals(200, all.statusCode());
        assertEquals(JSON.readTree("[\"a\",\"b\"]"), json(all));
        assertTrue(all.headers().firstValue("Last-Modified").isPresent());
        assertEquals(JSON.readTree("[\"b\"]"), json(lrs.get(STATE, with(context, "registration", registration))));
        assertEquals(JSON.readTree("[]"), json(lrs.get(STATE, with(context, "since", Instant.now().plusSeconds(60).toString()))));
        assertEquals(JSON.readTree("[\"a\",\"b\"]"), json(lrs.get(STATE, with(context, "since", "2020-01-01T00:00:00+01:00"))));

        assertEquals(204, lrs.delete(STATE, with(context, "registration", registration)).statusCode());
        assertEquals(JSON.readTree("[\"a\"]"), json(lrs.get(STATE, context)), "only the registration's states went");
        assertEquals(204, lrs.delete(STATE, context).statusCode());
        assertEquals(JSON.readTree("[]"), json(lrs.get(STATE, context)));
    }

    @Test
    void unconditionalPutFollowsEachVersionsRule() {
        XapiDocumentClient v1 = client("1.0.3");
        XapiDocumentClient v2 = v1.as("2.0.0");
        assertEquals(204, v1.putJson(STATE, state("s"), "{\"n\":1}").statusCode());
        assertEquals(204, v1.putJson(STATE, state("s"), "{\"n\":2}").statusCode(), "1.0.3 State overwrites");
        HttpResponse<String> conflict = v2.putJson(STATE, state("s"), "{\"n\":3}");
        assertEquals(409, conflict.statusCode(), "2.0.0: an existing document needs a precondition");
        assertTrue(conflict.body().contains("If-Match"), conflict.body());
        assertEquals("{\"n\":2}", v1.get(STATE, state("s")).body());

        Map<String, String> profile = params("activityId", ACTIVITY, "profileId", "p");
        assertEquals(400, v1.putJson(ACTIVITY_PROFILE, profile, "{}").statusCode(), "1.0.3 profiles need a header");
        assertEquals(204, v2.putJson(ACTIVITY_PROFILE, profile, "{\"v\":1}").statusCode());
        assertEquals(409, v1.putJson(ACTIVITY_PROFILE, profile, "{\"v\":2}").statusCode());
        assertEquals(409, v2.putJson(ACTIVITY_PROFILE, profile, "{\"v\":2}").statusCode());
        assertEquals("{\"v\":1}", v2.get(ACTIVITY_PROFILE, profile).body());
    }

    @Test
    void preconditionsGuardEveryWrite() {
        XapiDocumentClient lrs = client("2.0.0");
        Map<String, String> profile = params("agent", AGENT, "profileId", "prefs");
        assertEquals(204, lrs.putJson(AGENT_PROFILE, profile, "{\"v\":1}", "If-None-Match", "*").statusCode());
        assertEquals(412, lrs.putJson(AGENT_PROFILE, profile, "{\"v\":9}", "If-None-Match", "*").statusCode());
        String current = etag(lrs.get(AGENT_PROFILE, profile));

        assertEquals(412, lrs.putJson(AGENT_PROFILE, profile, "{\"v\":9}", "If-Match", "\"1234\"").statusCode());
        assertEquals(412, lrs.postJson(AGENT_PROFILE, profile, "{\"w\":9}", "If-Match", "\"1234\"").statusCode());
        assertEquals(412, lrs.delete(AGENT_PROFILE, profile, "If-Match", "\"1234\"").statusCode());
        assertEquals("{\"v\":1}", lrs.get(AGENT_PROFILE, profile).body(), "refused writes changed nothing");

        HttpResponse<String> replaced = lrs.putJson(AGENT_PROFILE, profile, "{\"v\":2}", "If-Match", current);
        assertEquals(204, replaced.statusCode());
        assertNotEquals(current, etag(replaced));
        assertEquals(412, lrs.putJson(AGENT_PROFILE, profile, "{\"v\":3}", "If-Match", current).statusCode(),
                "the old ETag no longer matches");
        assertEquals(204, lrs.delete(AGENT_PROFILE, profile, "If-Match", etag(replaced)).statusCode());
        assertEquals(404, lrs.get(AGENT_PROFILE, profile).statusCode());
        assertEquals(412, lrs.putJson(AGENT_PROFILE, profile, "{}", "If-Match", etag(replaced)).statusCode(),
                "If-Match cannot match a document that is gone");
        assertEquals(204, lrs.delete(AGENT_PROFILE, profile).statusCode(), "deleting nothing is not an error");
    }

    @Test
    void profilesListTheirIds() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        String other = "http://www.example.com/activities/other";
        assertEquals(204, lrs.postJson(ACTIVITY_PROFILE, params("activityId", ACTIVITY, "profileId", "one"), "{}").statusCode());
        assertEquals(204, lrs.postJson(ACTIVITY_PROFILE, params("activityId", ACTIVITY, "profileId", "two"), "{}").statusCode());
        assertEquals(204, lrs.postJson(ACTIVITY_PROFILE, params("activityId", other, "profileId", "three"), "{}").statusCode());
        assertEquals(JSON.readTree("[\"one\",\"two\"]"), json(lrs.get(ACTIVITY_PROFILE, params("activityId", ACTIVITY))));

        Map<String, String> agentProfile = params("agent", AGENT, "profileId", "prefs");
        assertEquals(204, lrs.postJson(AGENT_PROFILE, agentProfile, "{\"lang\":\"cy\"}").statusCode());
        assertEquals(JSON.readTree("[\"prefs\"]"), json(lrs.get(AGENT_PROFILE, params("agent", AGENT))));
        assertEquals(JSON.readTree("[]"), json(lrs.get(AGENT_PROFILE,
                params("agent", "{\"mbox\":\"mailto:someone.else@example.org\"}"))));
    }

    @Test
    void an200IdentifiedGroupFilesDocumentsUnderItsIfi() throws Exception {
        XapiDocumentClient v2 = client("2.0.0");
        String group = "{\"objectType\":\"Group\",\"name\":\"Ward 7\",\"mbox\":\"mailto:ward7@example.org\","
                + "\"member\":[{\"mbox\":\"mailto:nurse@example.org\"}]}";
        assertEquals(204, v2.postJson(AGENT_PROFILE, params("agent", group, "profileId", "rota"), "{\"week\":1}").statusCode());
        assertEquals(JSON.readTree("{\"week\":1}"), json(v2.get(AGENT_PROFILE,
                params("agent", "{\"mbox\":\"mailto:ward7@example.org\"}", "profileId", "rota"))));
        assertBad("agent", v2.as("1.0.3").get(AGENT_PROFILE, params("agent", group, "profileId", "rota")));
        assertBad("agent", v2.get(AGENT_PROFILE, params("agent", "{\"objectType\":\"Group\",\"member\":[]}")));
    }

    @Test
    void badParametersAre400sNamingTheParameter() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        assertBad("colour", lrs.get(STATE, with(state("s"), "colour", "red")));
        assertBad("activityId", lrs.get(STATE, without(state("s"), "activityId")));
        assertBad("agent", lrs.putJson(STATE, without(state("s"), "agent"), "{}"));
        assertBad("stateId", lrs.putJson(STATE, without(state("s"), "stateId"), "{}"));
        assertBad("agent", lrs.get(STATE, with(state("s"), "agent", "not JSON")));
        assertBad("agent", lrs.get(STATE, with(state("s"), "agent", "{\"objectType\":\"Agent\",\"name\":\"no IFI\"}")));
        assertBad("registration", lrs.get(STATE, with(state("s"), "registration", "true")));
        assertBad("activityId", lrs.get(STATE, with(state("s"), "activityId", "not an IRI")));
        assertBad("since", lrs.get(STATE, with(without(state("s"), "stateId"), "since", "not a timestamp")));
        assertBad("registration", lrs.get(ACTIVITY_PROFILE,
                params("activityId", ACTIVITY, "registration", UUID.randomUUID().toString())));
        assertBad("profileId", lrs.delete(AGENT_PROFILE, params("agent", AGENT)));
    }

    private static void assertBad(String parameter, HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(parameter, json(response).get("path").asText(), response.body());
    }

    @Test
    void aTrustsDocumentsAreInvisibleToOtherTrusts() throws Exception {
        XapiDocumentClient mine = client("2.0.0");
        XapiDocumentClient theirs = client("2.0.0");
        assertEquals(204, mine.postJson(STATE, state("bookmark"), "{\"page\":7}").statusCode());
        assertEquals(204, mine.postJson(ACTIVITY_PROFILE, params("activityId", ACTIVITY, "profileId", "p"), "{}").statusCode());

        assertEquals(404, theirs.get(STATE, state("bookmark")).statusCode());
        assertEquals(JSON.readTree("[]"), json(theirs.get(STATE, params("activityId", ACTIVITY, "agent", AGENT))));
        assertEquals(JSON.readTree("[]"), json(theirs.get(ACTIVITY_PROFILE, params("activityId", ACTIVITY))));
        assertEquals(204, theirs.delete(STATE, params("activityId", ACTIVITY, "agent", AGENT)).statusCode());
        assertEquals(204, theirs.postJson(STATE, state("bookmark"), "{\"page\":1}").statusCode(),
                "the same name in another trust is another document");

        assertEquals(JSON.readTree("{\"page\":7}"), json(mine.get(STATE, state("bookmark"))));
        assertEquals(200, mine.get(ACTIVITY_PROFILE, params("activityId", ACTIVITY, "profileId", "p")).statusCode());
    }

    @Test
    void scopesGrantTheirResourcesOnly() {
        XapiDocumentClient stateOnly = client("2.0.0", "state");
        assertEquals(204, stateOnly.postJson(STATE, state("s"), "{}").statusCode());
        assertEquals(403, stateOnly.get(ACTIVITY_PROFILE, params("activityId", ACTIVITY)).statusCode());

        XapiDocumentClient profileOnly = client("2.0.0", "profile");
        assertEquals(204, profileOnly.postJson(AGENT_PROFILE, params("agent", AGENT, "profileId", "p"), "{}").statusCode());
        assertEquals(403, profileOnly.postJson(STATE, state("s"), "{}").statusCode());

        XapiDocumentClient reader = client("2.0.0", "all/read");
        assertEquals(200, reader.get(STATE, params("activityId", ACTIVITY, "agent", AGENT)).statusCode());
        assertEquals(403, reader.postJson(STATE, state("s"), "{}").statusCode());
        assertEquals(403, reader.delete(STATE, params("activityId", ACTIVITY, "agent", AGENT)).statusCode());

        XapiDocumentClient statements = client("2.0.0", "statements/write");
        assertEquals(403, statements.get(STATE, state("s")).statusCode());
    }

    @Test
    void agentsResourceAnswersThePersonOfTheAgent() throws Exception {
        XapiDocumentClient lrs = client("1.0.3");
        HttpResponse<String> person = lrs.get("/xapi/agents",
                params("agent", "{\"name\":\"Ann\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}"));
        assertEquals(200, person.statusCode(), person.body());
        assertEquals(JSON.readTree("{\"objectType\":\"Person\",\"name\":[\"Ann\"],"
                + "\"account\":[{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}]}"), json(person));
        assertEquals(200, lrs.head("/xapi/agents", params("agent", AGENT)).statusCode());

        assertBad("agent", lrs.get("/xapi/agents", params()));
        assertBad("agent", lrs.get("/xapi/agents", params("agent", "{\"objectType\":\"Agent\"}")));
        assertBad("activityId", lrs.get("/xapi/agents", params("agent", AGENT, "activityId", ACTIVITY)));
        assertFalse(json(lrs.get("/xapi/agents", params("agent", AGENT))).has("name"));
        assertEquals(403, client("2.0.0", "state").get("/xapi/agents", params("agent", AGENT)).statusCode());
    }
}
