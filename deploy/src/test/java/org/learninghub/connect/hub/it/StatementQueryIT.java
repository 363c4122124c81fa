package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Statement queries: filters, more paging while statements arrive, formats, headers, HEAD, bad parameters. */
class StatementQueryIT extends HubIT {

    static final String VERB = "http://adlnet.gov/expapi/verbs/experienced";

    Statements fresh() {
        HubClient hub = new HubClient(base);
        return Statements.as(hub, XapiCredential.issue(hub, "all"), "2.0.0");
    }

    static Set<String> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Set<String> ids = new HashSet<>();
        Statements.json(response).get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void filtersMatchDirectAndRelatedPlaces() {
        Statements lrs = fresh();
        String registration = UUID.randomUUID().toString();
        String withContext = Statements.plus(Statements.statement("ann@example.org", VERB, "http://example.org/a/1"),
                "\"context\":{\"registration\":\"" + registration + "\",\"instructor\":{\"mbox\":\"mailto:teacher@example.org\"},"
                        + "\"contextActivities\":{\"parent\":{\"id\":\"http://example.org/course\"}}}");
        String first = Statements.json(lrs.post(withContext)).get(0).asText();
        String second = Statements.json(lrs.post(Statements.statement("bob@example.org", "http://example.org/verbs/other",
                "http://example.org/a/2"))).get(0).asText();

        assertEquals(Set.of(first), ids(lrs.get(Statements.q("agent", "{\"mbox\":\"mailto:ann@example.org\"}"))));
        assertEquals(Set.of(), ids(lrs.get(Statements.q("agent", "{\"mbox\":\"mailto:teacher@example.org\"}"))));
        assertEquals(Set.of(first), ids(lrs.get(Statements.q("agent", "{\"mbox\":\"mailto:teacher@example.org\"}")
                + "&related_agents=true")));
        assertEquals(Set.of(first), ids(lrs.get(Statements.q("verb", VERB))));
        assertEquals(Set.of(second), ids(lrs.get(Statements.q("activity", "http://example.org/a/2"))));
        assertEquals(Set.of(), ids(lrs.get(Statements.q("activity", "http://example.org/course"))));
        assertEquals(Set.of(first), ids(lrs.get(Statements.q("activity", "http://example.org/course") + "&related_activities=true")));
        assertEquals(Set.of(first), ids(lrs.get(Statements.q("registration", registration))));
        assertEquals(Set.of(), ids(lrs.get(Statements.q("since", Instant.now().plusSeconds(3600).toString()))));
        assertEquals(Set.of(first, second), ids(lrs.get(Statements.q("until", Instant.now().plusSeconds(3600).toString()))));
        JsonNode ascending = Statements.json(lrs.get("ascending=true"));
        assertEquals(first, ascending.get("statements").get(0).get("id").asText());
        JsonNode descending = Statements.json(lrs.get(""));
        assertEquals(second, descending.get("statements").get(0).get("id").asText(), "newest first by default");
    }

    @Test
    void morePagesStayCorrectWhileStatementsArrive() {
        Statements lrs = fresh();
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            stored.add(Statements.json(lrs.post(Statements.statement("p" + i + "@example.org", VERB, "http://example.org/a"))).get(0).asText());
        }
        HttpResponse<String> page1 = lrs.get("limit=2");
        JsonNode p1 = Statements.json(page1);
        assertEquals(2, p1.get("statements").size());
        String more = p1.get("more").asText();
        assertTrue(more.startsWith("/xapi/statements?more="), more);

        String late = Statements.json(lrs.post(Statements.statement("late@example.org", VERB, "http://example.org/a"))).get(0).asText();
        Set<String> seen = ids(page1);
        String next = more;
        while (!next.isEmpty()) {
            HttpResponse<String> page = lrs.hub().send(lrs.credential().xapi(lrs.hub(), next, "2.0.0").GET());
            Set<String> pageIds = ids(page);
            pageIds.forEach(id -> assertTrue(seen.add(id), "no statement twice: " + id));
            next = Statements.json(page).get("more").asText();
        }
        assertEquals(stored, seen, "every statement of the original query once; the late one not");
        assertFalse(seen.contains(late));

        Statements other = fresh();
        HttpResponse<String> stolen = other.hub().send(other.credential().xapi(other.hub(), more, "2.0.0").GET());
        assertEquals(0, Statements.json(stolen).get("statements").size(), "a more link never crosses trusts");
    }

    /** The ids of every page of the query, following more links from a first page of this limit. */
    static List<String> pagedIds(Statements lrs, String query, int limit) {
        List<String> ids = new ArrayList<>();
        HttpResponse<String> page = lrs.get(query + (query.isEmpty() ? "" : "&") + "limit=" + limit);
        while (true) {
            JsonNode body = Statements.json(page);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(body.get("statements").size() <= limit, page.body());
            body.get("statements").forEach(s -> ids.add(s.get("id").asText()));
            String more = body.get("more").asText();
            if (more.isEmpty()) {
                return ids;
            }
            page = lrs.hub().send(lrs.credential().xapi(lrs.hub(), more, "2.0.0").GET());
        }
    }

    @Test
    void everyFilterShapePagesThroughStatementsSharingAStoredTime() {
        Statements lrs = fresh();
        String course = "http://example.org/course/" + UUID.randomUUID();
        String registration = UUID.randomUUID().toString();
        String done = "http://adlnet.gov/expapi/verbs/completed";
        // One batch: every statement of it has the same stored time. Ann's are on the course itself (direct),
        // Bob's on its modules with the course as parent (related); every third is completed.
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 9; i++) {
            boolean ann = i % 2 == 0;
            String statement = Statements.statement(ann ? "ann@example.org" : "bob@example.org", i % 3 == 0 ? done : VERB,
                    ann ? course : course + "/module/" + i);
            batch.append(i == 0 ? "" : ",").append(Statements.plus(statement, "\"context\":{\"registration\":\"" + registration
                    + "\",\"contextActivities\":{\"parent\":[{\"id\":\"" + course + "\"}]}}"));
        }
        String since = Instant.now().minusSeconds(600).toString();
        List<String> stored = new ArrayList<>();
        Statements.json(lrs.post(batch.append("]").toString())).forEach(id -> stored.add(id.asText()));
        String ann = "{\"mbox\":\"mailto:ann@example.org\"}";
        String[] shapes = {
            "",
            Statements.q("agent", ann),
            Statements.q("agent", ann) + "&" + Statements.q("verb", done),
            Statements.q("activity", course) + "&" + Statements.q("since", since),
            Statements.q("activity", course) + "&related_activities=true",
            Statements.q("activity", course) + "&related_activities=true&" + Statements.q("verb", done),
            Statements.q("registration", registration),
            Statements.q("verb", done) + "&" + Statements.q("until", Instant.now().plusSeconds(600).toString()),
        };
        int[] sizes = {9, 5, 2, 5, 9, 3, 9, 3};
        for (int k = 0; k < shapes.length; k++) {
            for (String order : List.of("", "ascending=true")) {
                String query = shapes[k].isEmpty() ? order : order.isEmpty() ? shapes[k] : shapes[k] + "&" + order;
                List<String> whole = pagedIds(lrs, query, 250);
                assertEquals(sizes[k], whole.size(), query + " " + whole);
                assertTrue(stored.containsAll(whole), query);
                assertEquals(new HashSet<>(whole).size(), whole.size(), "no statement twice: " + query);
                for (int limit = 1; limit <= 4; limit++) {
                    assertEquals(whole, pagedIds(lrs, query, limit), "pages of " + limit + ": " + query);
                }
            }
        }
    }

    @Test
    void formatsAndLanguages() {
        Statements lrs = fresh();
        String id = Statements.json(lrs.post(Statements.statement("ann@example.org", VERB, "http://example.org/a"))).get(0).asText();
        JsonNode ids = Statements.json(lrs.get("statementId=" + id + "&format=ids"));
        assertFalse(ids.get("verb").has("display"));
        HttpResponse<String> canonical = lrs.hub().send(lrs.credential().xapi(lrs.hub(),
                "/xapi/statements?statementId=" + id + "&format=canonical", "2.0.0").header("Accept-Language", "fr-FR").GET());
        assertEquals("{\"fr-FR\":\"a fait\"}", Statements.json(canonical).get("verb").get("display").toString());
        JsonNode exact = Statements.json(lrs.byId(UUID.fromString(id)));
        assertEquals(2, exact.get("verb").get("display").size());
    }

    @Test
    void headAnswersLikeGetWithoutBody() {
        Statements lrs = fresh();
        String id = Statements.json(lrs.post(Statements.statement("ann@example.org", VERB, "http://example.org/a"))).get(0).asText();
        HttpResponse<String> head = lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements?statementId=" + id, "2.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(head.headers().firstValue("X-Experience-API-Consistent-Through").isPresent());
        assertEquals(404, lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements?statementId=" + UUID.randomUUID(), "2.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void badParametersAreRefusedByName() {
        Statements lrs = fresh();
        String[][] cases = {
            {"statementId=" + UUID.randomUUID() + "&" + Statements.q("verb", VERB), "verb"},
            {"since=yesterday", "since"},
            {"limit=-1", "limit"},
            {"format=full", "format"},
            {Statements.q("agent", "{\"name\":\"no ifi\"}"), "agent"},
            {"colour=blue", "colour"},
            {"more=garbage", "more"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = lrs.get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " " + r.body());
            assertEquals(c[1], Statements.json(r).get("path").asText(), r.body());
            assertTrue(r.headers().firstValue("X-Experience-API-Consistent-Through").isPresent());
        }
    }
}
