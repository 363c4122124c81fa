package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Storing statements: ids, immutability, authority, validation, voiding, scopes, tenants, concurrent writers. */
class StatementResourceIT extends HubIT {

    static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
    static final String ACTIVITY = "http://example.org/course/1";

    Statements fresh(String version, String... scopes) {
        HubClient hub = new HubClient(base);
        return Statements.as(hub, XapiCredential.issue(hub, scopes.length == 0 ? new String[] {"all"} : scopes), version);
    }

    @Test
    void putThenGetReturnsTheStatementWithWhatTheLrsSets() {
        Statements lrs = fresh("1.0.3");
        UUID id = UUID.randomUUID();
        HttpResponse<String> put = lrs.put(id, Statements.statement("ann@example.org", VERB, ACTIVITY));
        assertEquals(204, put.statusCode(), put.body());
        HttpResponse<String> got = lrs.byId(id);
        assertEquals(200, got.statusCode());
        JsonNode s = Statements.json(got);
        assertEquals(id.toString(), s.get("id").asText());
        assertEquals("1.0.0", s.get("version").asText());
        assertEquals(s.get("stored").asText(), s.get("timestamp").asText(), "timestamp defaults to stored");
        assertEquals(lrs.credential().key(), s.get("authority").get("account").get("name").asText());
        assertTrue(got.headers().firstValue("Last-Modified").isPresent());
        assertTrue(got.headers().firstValue("X-Experience-API-Consistent-Through").isPresent());
    }

    @Test
    void postAssignsIdsInOrderAndTwoZeroZeroSetsItsVersion() {
        Statements lrs = fresh("2.0.0");
        UUID given = UUID.randomUUID();
        HttpResponse<String> post = lrs.post("[" + Statements.statement("a@example.org", VERB, ACTIVITY) + ","
                + Statements.withId(Statements.statement("b@example.org", VERB, ACTIVITY), given) + "]");
        assertEquals(200, post.statusCode(), post.body());
        JsonNode ids = Statements.json(post);
        assertEquals(2, ids.size());
        assertEquals(given.toString(), ids.get(1).asText());
        assertEquals("2.0.0", Statements.json(lrs.byId(UUID.fromString(ids.get(0).asText()))).get("version").asText());
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNothing() {
        Statements lrs = fresh("2.0.0");
        UUID first = UUID.randomUUID();
        HttpResponse<String> post = lrs.post("[" + Statements.withId(Statements.statement("a@example.org", VERB, ACTIVITY), first)
                + "," + Statements.statement("b@example.org", "not an iri", ACTIVITY) + "]");
        assertEquals(400, post.statusCode());
        assertEquals("[1].verb.id", Statements.json(post).get("path").asText());
        assertEquals(404, lrs.byId(first).statusCode());
    }

    @Test
    void sameIdSameContentIsAcceptedAndDifferentContentIsAConflict() {
        Statements lrs = fresh("1.0.3");
        UUID id = UUID.randomUUID();
        String statement = Statements.statement("ann@example.org", VERB, ACTIVITY);
        assertEquals(204, lrs.put(id, statement).statusCode());
        String stored = Statements.json(lrs.byId(id)).get("stored").asText();
        assertEquals(204, lrs.put(id, statement).statusCode());
        assertEquals(200, lrs.post(Statements.withId(statement, id)).statusCode());
        assertEquals(stored, Statements.json(lrs.byId(id)).get("stored").asText(), "nothing changed");
        HttpResponse<String> conflict = lrs.put(id, Statements.statement("bob@example.org", VERB, ACTIVITY));
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("immutable"), conflict.body());
        HttpResponse<String> twice = lrs.post("[" + Statements.withId(statement, id) + "," + Statements.withId(statement, id) + "]");
        assertEquals(400, twice.statusCode(), "one id twice in a batch");
    }

    @Test
    void invalidStatementsAreRefusedNamingPathAndRule() {
        Statements v2 = fresh("2.0.0");
        String[][] cases = {
            {"{\"actor\":{\"mbox\":\"ann@example.org\"},\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\"" + ACTIVITY + "\"}}",
                "actor.mbox", "mailto"},
            {Statements.plus(Statements.statement("a@example.org", VERB, ACTIVITY), "\"result\":{\"score\":{\"scaled\":2}}"),
                "result.score.scaled", "between -1 and 1"},
            {Statements.plus(Statements.statement("a@example.org", VERB, ACTIVITY), "\"color\":\"red\""),
                "color", "not a property"},
            {Statements.plus(Statements.statement("a@example.org", VERB, ACTIVITY), "\"timestamp\":\"yesterday\""),
                "timestamp", "ISO 8601"},
            {Statements.plus(Statements.statement("a@example.org", VERB, ACTIVITY), "\"context\":{\"registration\":\"r\"}"),
                "context.registration", "UUID"},
            {"{\"actor\":{\"objectType\":\"Group\"},\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\"" + ACTIVITY + "\"}}",
                "actor", "anonymous Group"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = v2.post(c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            assertEquals(c[1], Statements.json(r).get("path").asText(), r.body());
            assertTrue(r.body().contains(c[2]), r.body());
        }
        String contextAgents = Statements.plus(Statements.statement("a@example.org", VERB, ACTIVITY), "\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":{\"mbox\":\"mailto:i@example.org\"}}]}");
        assertEquals(200, v2.post(contextAgents).statusCode());
        Statements v1 = Statements.as(v2.hub(), v2.credential(), "1.0.3");
        HttpResponse<String> old = v1.post(contextAgents);
        assertEquals(400, old.statusCode());
        assertEquals("context.contextAgents", Statements.json(old).get("path").asText());
    }

    @Test
    void voidingHidesTheTargetFromQueriesButNotFromVoidedStatementId() {
        Statements lrs = fresh("2.0.0");
        UUID target = UUID.randomUUID();
        String verb = "http://example.org/verbs/" + UUID.randomUUID();
        assertEquals(204, lrs.put(target, Statements.statement("ann@example.org", verb, ACTIVITY)).statusCode());
        UUID voiding = UUID.randomUUID();
        String voidIt = "{\"id\":\"" + voiding + "\",\"actor\":{\"mbox\":\"mailto:admin@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
        assertEquals(200, lrs.post(voidIt).statusCode());
        assertEquals(404, lrs.byId(target).statusCode());
        assertEquals(200, lrs.get("voidedStatementId=" + target).statusCode());
        JsonNode byVerb = Statements.json(lrs.get(Statements.q("verb", verb))).get("statements");
        assertEquals(1, byVerb.size(), "the voiding statement matches through its StatementRef; the voided one does not");
        assertEquals(voiding.toString(), byVerb.get(0).get("id").asText());
        String voidTheVoiding = "{\"actor\":{\"mbox\":\"mailto:admin@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + voiding + "\"}}";
        assertEquals(400, lrs.post(voidTheVoiding).statusCode());
        assertEquals(200, lrs.byId(voiding).statusCode(), "the voiding statement stays");
    }

    @Test
    void aStatementWhoseVoidingStatementCameFirstIsStoredVoided() {
        Statements lrs = fresh("1.0.3");
        String verb = "http://example.org/verbs/" + UUID.randomUUID();
        UUID late = UUID.randomUUID();
        assertEquals(200, lrs.post(voiding(late)).statusCode(), "a voiding statement may target what is not stored yet");
        assertEquals(204, lrs.put(late, Statements.statement("ann@example.org", verb, ACTIVITY)).statusCode());
        assertEquals(404, lrs.byId(late).statusCode(), "voided on arrival");
        assertEquals(200, lrs.get("voidedStatementId=" + late).statusCode());

        UUID together = UUID.randomUUID();
        String target = Statements.statement("ann@example.org", verb, ACTIVITY).replaceFirst("\\{",
                "{\"id\":\"" + together + "\",");
        assertEquals(200, lrs.post("[" + voiding(together) + "," + target + "]").statusCode());
        assertEquals(404, lrs.byId(together).statusCode(), "voided by a statement of the same request");
        assertEquals(200, lrs.get("voidedStatementId=" + together).statusCode());
        for (JsonNode found : Statements.json(lrs.get(Statements.q("verb", verb))).get("statements")) {
            String id = found.get("id").asText();
            assertFalse(id.equals(late.toString()) || id.equals(together.toString()),
                    "a voided statement is in query results: " + id);
        }
    }

    private static String voiding(UUID target) {
        return "{\"actor\":{\"mbox\":\"mailto:admin@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
    }

    @Test
    void scopesAreEnforced() {
        Statements readOnly = fresh("1.0.3", "statements/read");
        assertEquals(403, readOnly.post(Statements.statement("a@example.org", VERB, ACTIVITY)).statusCode());
        assertEquals(200, readOnly.get("").statusCode());
        Statements writeOnly = fresh("1.0.3", "statements/write");
        assertEquals(403, writeOnly.get("").statusCode());

        XapiCredential writer = XapiCredential.issueTo(writeOnly.hub(), writeOnly.credential().trust(), "statements/write");
        XapiCredential mine = XapiCredential.issueTo(writeOnly.hub(), writeOnly.credential().trust(),
                "statements/write", "statements/read/mine");
        assertEquals(200, Statements.as(writeOnly.hub(), writer, "1.0.3")
                .post(Statements.statement("other@example.org", VERB, ACTIVITY)).statusCode());
        Statements own = Statements.as(writeOnly.hub(), mine, "1.0.3");
        UUID ownId = UUID.fromString(Statements.json(own.post(Statements.statement("me@example.org", VERB, ACTIVITY))).get(0).asText());
        JsonNode visible = Statements.json(own.get("")).get("statements");
        assertEquals(1, visible.size(), "statements/read/mine sees only what it stored");
        assertEquals(ownId.toString(), visible.get(0).get("id").asText());
    }

    @Test
    void aTrustNeverSeesAnotherTrustsStatements() {
        Statements a = fresh("2.0.0");
        Statements b = fresh("2.0.0");
        UUID id = UUID.randomUUID();
        String verb = "http://example.org/verbs/" + UUID.randomUUID();
        assertEquals(204, a.put(id, Statements.statement("ann@example.org", verb, ACTIVITY)).statusCode());
        assertEquals(404, b.byId(id).statusCode());
        assertEquals(0, Statements.json(b.get(Statements.q("verb", verb))).get("statements").size());
        assertEquals(204, b.put(id, Statements.statement("zed@example.org", verb, ACTIVITY)).statusCode(),
                "the same id is free in another trust");
        assertEquals("mailto:ann@example.org", Statements.json(a.byId(id)).get("actor").get("mbox").asText());
    }

    @Test
    void concurrentWritersOfOverlappingBatchesNeverFail() throws Exception {
        Statements lrs = fresh("2.0.0");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(UUID.randomUUID());
        }
        String verb = "http://example.org/verbs/" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            List<UUID> order = new ArrayList<>(ids);
            java.util.Collections.shuffle(order);
            StringBuilder batch = new StringBuilder("[");
            for (UUID id : order) {
                batch.append(batch.length() > 1 ? "," : "").append(Statements.withId(
                        Statements.statement("learner@example.org", verb, ACTIVITY), id));
            }
            String body = batch.append("]").toString();
            results.add(pool.submit(() -> lrs.post(body)));
        }
        for (Future<HttpResponse<String>> r : results) {
            HttpResponse<String> response = r.get();
            assertEquals(200, response.statusCode(), response.body());
        }
        pool.shutdown();
        JsonNode stored = Statements.json(lrs.get(Statements.q("verb", verb) + "&limit=100")).get("statements");
        assertEquals(40, stored.size(), "each id stored once");
        assertFalse(stored.toString().contains("\"error\""));
    }
}
