package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The statement browser over real HTTP, on statements stored through the real APIs: two LTI launches (the Hub's
 * launched statements, with a launch session each) and statements posted with LRS credentials of two trusts.
 */
class StatementBrowserIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String PASSWORD = "trust admin pass 1";

    @Test
    void everyFilterNarrowsPagingContinuesExactlyAndCsvStreamsEveryRow() throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode a = catalogue.created(catalogue.resource("browser-a"));
        JsonNode b = catalogue.created(catalogue.resource("browser-b"));
        String ra = a.get("id").asText();
        String rb = b.get("id").asText();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            String t = lti.newTrust();
            lti.register(t, platform);
            XapiCredential lrs = XapiCredential.issueTo(hub, t, "all");
            XapiCredential other = XapiCredential.issue(hub, "all");

            // Two launches: the Hub stores a launched statement for each, in its launch session (registration).
            Map<String, String> l1 = lti.launchResource(platform, ra, "learner-1");
            Map<String, String> l2 = lti.launchResource(platform, rb, "learner-2");
            String learner1 = ifi(JSON.readTree(l1.get("actor")));
            String learner2 = ifi(JSON.readTree(l2.get("actor")));

            // s1: learner 1 completes A in its session, with a result; s2: learner 2 passes B in its session;
            // s3: someone else experiences A's activity without a registration (A by its IRI);
            // s4: the same about an activity no resource has; s5: the same as s3 in another trust.
            ObjectNode s1 = statement(JSON.readTree(l1.get("actor")), "completed", a.get("activityId").asText(),
                    l1.get("registration"));
            s1.putObject("result").put("success", true).put("completion", true).put("duration", "PT10M")
                    .putObject("score").put("scaled", 0.8).put("raw", 80);
            ObjectNode s2 = statement(JSON.readTree(l2.get("actor")), "passed", b.get("activityId").asText(),
                    l2.get("registration"));
            JsonNode someone = JSON.readTree("{\"mbox\":\"mailto:someone@example.org\"}");
            ObjectNode s3 = statement(someone, "experienced", a.get("activityId").asText(), null);
            ObjectNode s4 = statement(someone, "experienced", "http://other.example/activity", null);
            ObjectNode s5 = statement(someone, "experienced", a.get("activityId").asText(), null);
            for (ObjectNode s : List.of(s1, s2, s3, s4)) {
                assertEquals(200, post(hub, lrs, s).statusCode());
            }
            assertEquals(200, post(hub, other, s5).statusCode());

            // The trust's statements, newest first: s4, s3, s2, s1, then the two launches (l2's, l1's).
            JsonNode all = page(hub, "trust=" + t + "&limit=500");
            assertTrue(all.get("more").isNull(), all.toString());
            List<String> ids = ids(all);
            assertEquals(6, ids.size(), all.toString());
            assertEquals(List.of(id(s4), id(s3), id(s2), id(s1)), ids.subList(0, 4));
            JsonNode launchedL2 = all.get("statements").get(4);
            JsonNode launchedL1 = all.get("statements").get(5);
            assertEquals(l2.get("registration"), launchedL2.get("registration").asText());
            assertEquals(l1.get("registration"), launchedL1.get("registration").asText());
            assertEquals(VERBS + "launched", launchedL1.get("verb").asText());

            // What one row says.
            JsonNode row1 = all.get("statements").get(3);
            assertEquals(t, row1.get("trust").asText());
            assertEquals(ra, row1.get("resource").asText());
            assertEquals(learner1, row1.get("learner").asText());
            assertEquals(VERBS + "completed", row1.get("verb").asText());
            assertEquals(a.get("activityId").asText(), row1.get("object").asText());
            assertEquals(l1.get("registration"), row1.get("registration").asText());
            assertTrue(row1.get("result").get("success").asBoolean());
            assertEquals(0.8, row1.get("result").get("score").get("scaled").asDouble(), 1e-9);
            assertEquals(80, row1.get("result").get("score").get("raw").asInt());
            assertEquals("PT10M", row1.get("result").get("duration").asText());
            assertFalse(row1.get("stored").asText().isEmpty());
            JsonNode row3 = all.get("statements").get(1);
            assertEquals(ra, row3.get("resource").asText(), "s3 counts for A by its activity IRI");
            assertEquals("mbox:mailto:someone@example.org", row3.get("learner").asText());
            assertTrue(row3.get("result").isNull());
            assertTrue(all.get("statements").get(0).get("resource").isNull(), "s4 is about no resource");

            // Each filter narrows to exactly the expected statements.
            String launched = launchedL1.get("id").asText();
            String launched2 = launchedL2.get("id").asText();
            assertEquals(List.of(id(s3), id(s1), launched), ids(page(hub, "trust=" + t + "&resource=" + ra)));
            assertEquals(List.of(id(s2), launched2), ids(page(hub, "trust=" + t + "&resource=" + rb)));
            assertEquals(List.of(id(s1), launched), ids(page(hub, "trust=" + t + "&learner=" + enc(learner1))));
            assertEquals(List.of(id(s2), launched2), ids(page(hub, "trust=" + t + "&learner=" + enc(learner2))));
            assertEquals(List.of(id(s1)), ids(page(hub, "trust=" + t + "&verb=" + enc(VERBS + "completed"))));
            assertEquals(List.of(id(s4), id(s3)), ids(page(hub, "trust=" + t + "&verb="
                    + enc(VERBS + "experienced"))));
            assertEquals(List.of(id(s2), launched2), ids(page(hub, "trust=" + t + "&registration="
                    + l2.get("registration"))));
            assertEquals(List.of(id(s1)), ids(page(hub, "trust=" + t + "&resource=" + ra + "&learner="
                    + enc(learner1) + "&verb=" + enc(VERBS + "completed"))));
            // Time: after s1's stored time (exclusive) up to s3's (inclusive), whatever ties the clock made.
            String since = row1.get("stored").asText();
            String until = row3.get("stored").asText();
            List<String> inWindow = new ArrayList<>();
            for (JsonNode s : all.get("statements")) {
                OffsetDateTime stored = OffsetDateTime.parse(s.get("stored").asText());
                if (stored.isAfter(OffsetDateTime.parse(since)) && !stored.isAfter(OffsetDateTime.parse(until))) {
                    inWindow.add(s.get("id").asText());
                }
            }
            assertTrue(inWindow.contains(id(s3)) && !inWindow.contains(id(s1)), inWindow.toString());
            assertEquals(inWindow, ids(page(hub, "trust=" + t + "&since=" + enc(since) + "&until=" + enc(until))));
            // Another trust's statement about A is in that trust only; a hub-admin without a trust sees both.
            assertEquals(List.of(id(s5)), ids(page(hub, "trust=" + other.trust() + "&resource=" + ra)));
            List<String> everywhere = ids(page(hub, "resource=" + ra + "&limit=500"));
            assertTrue(everywhere.containsAll(List.of(id(s5), id(s3), id(s1), launched)), everywhere.toString());
            assertTrue(everywhere.indexOf(id(s5)) < everywhere.indexOf(id(s3)), "newest first across trusts");

            // Paging: 3 pages of 2 return every statement once, in order; the cursor link keeps the filters.
            List<String> paged = new ArrayList<>();
            String next = "/admin/api/statements?trust=" + t + "&limit=2";
            int pages = 0;
            while (next != null) {
                JsonNode p = get(hub, next);
                pages++;
                assertTrue(p.get("statements").size() <= 2);
                paged.addAll(ids(p));
                next = p.get("more").isNull() ? null : p.get("more").asText();
                if (next != null) {
                    assertTrue(next.startsWith("/admin/api/statements?trust=" + t + "&limit=2&after="), next);
                }
                assertTrue(pages <= 4, "paging does not end");
            }
            assertEquals(ids, paged);
            assertEquals(3, pages);
            JsonNode filteredPage = page(hub, "trust=" + t + "&verb=" + enc(VERBS + "experienced") + "&limit=1");
            assertEquals(List.of(id(s4)), ids(filteredPage));
            assertEquals(List.of(id(s3)), ids(get(hub, filteredPage.get("more").asText())));

            // CSV: every matching row, header first, same order; by ?format=csv and by Accept.
            HttpResponse<String> csv = hub.send(hub.admin("/admin/api/statements?trust=" + t + "&format=csv").GET());
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<List<String>> rows = csv(csv.body());
            assertEquals(List.of("id", "stored", "timestamp", "trust", "resource", "learner", "verb", "object",
                    "registration", "success", "completion", "scoreScaled", "scoreRaw", "duration"), rows.get(0));
            assertEquals(ids, rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList());
            List<String> s1Row = rows.get(4);
            assertEquals(List.of(t, ra, learner1, VERBS + "completed", a.get("activityId").asText(),
                    l1.get("registration"), "true", "true", "0.8", "80", "PT10M"), s1Row.subList(3, 14));
            assertEquals(row1.get("stored").asText(), s1Row.get(1));
            HttpResponse<String> accepted = hub.send(hub.admin("/admin/api/statements?trust=" + t + "&limit=1")
                    .header("Accept", "text/csv").GET());
            assertEquals(csv.body(), accepted.body());

            // A trust-admin sees its own trust, named or not; another trust is not found.
            String user = "sb-" + t.toLowerCase() + "@trust.example";
            assertEquals(201, hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of("username", user,
                    "password", PASSWORD, "role", "trust-admin", "trust", t))).statusCode());
            for (String path : List.of("/admin/api/statements?limit=500",
                    "/admin/api/statements?limit=500&trust=" + t, "/admin/api/statements?resource=" + ra)) {
                HttpResponse<String> mine = hub.send(hub.request(path)
                        .header("Authorization", HubClient.basic(user, PASSWORD)).GET());
                assertEquals(200, mine.statusCode(), mine.body());
                List<String> seen = ids(JSON.readTree(mine.body()));
                assertFalse(seen.contains(id(s5)), path);
                assertTrue(seen.contains(id(s1)), path);
            }
            HttpResponse<String> theirs = hub.send(hub.request("/admin/api/statements?trust=" + other.trust())
                    .header("Authorization", HubClient.basic(user, PASSWORD)).GET());
            assertEquals(404, theirs.statusCode(), theirs.body());
            assertTrue(theirs.body().contains("trust " + other.trust() + " not found"), theirs.body());
        }
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        HubClient hub = new HubClient(base);
        String trust = XapiCredential.newTrust(hub);
        String p = "/admin/api/statements?trust=" + trust + "&";
        refused(hub, p + "limit=0", 400, "limit");
        refused(hub, p + "limit=501", 400, "limit");
        refused(hub, p + "limit=ten", 400, "limit");
        refused(hub, p + "resource=nope", 400, "resource");
        refused(hub, p + "resource=" + UUID.randomUUID(), 404, "resource");
        refused(hub, p + "registration=12345", 400, "registration");
        refused(hub, p + "learner=bob", 400, "learner");
        refused(hub, p + "learner=mbox:" + "x".repeat(2200), 400, "learner");
        refused(hub, p + "verb=completed", 400, "verb");
        refused(hub, p + "verb=" + enc("http://x.example/a b"), 400, "verb");
        refused(hub, p + "since=yesterday", 400, "since");
        refused(hub, p + "since=2026-03-02", 400, "since");
        refused(hub, p + "until=2026-13-01T00:00:00Z", 400, "until");
        refused(hub, p + "since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z", 400, "since");
        refused(hub, p + "after=-1", 400, "after");
        refused(hub, p + "after=x", 400, "after");
        refused(hub, p + "format=xml", 400, "format");
        refused(hub, "/admin/api/statements?trust=lower", 400, "trust");
        refused(hub, "/admin/api/statements?trust=ZZZZZZZZZZZ9", 404, "trust");
        assertEquals(200, hub.send(hub.admin(p + "limit=500&since=2026-03-02T00:00:00%2B01:00").GET()).statusCode());
        assertEquals(401, hub.send(hub.request("/admin/api/statements").GET()).statusCode());
        HttpResponse<String> openapi = hub.get("/openapi");
        assertTrue(openapi.body().contains("/admin/api/statements"), "described in the OpenAPI document");
    }

    private static void refused(HubClient hub, String path, int status, String field) {
        hub.assertRefused(path, status, field);
    }

    private static JsonNode page(HubClient hub, String query) throws Exception {
        return get(hub, "/admin/api/statements?" + query);
    }

    private static JsonNode get(HubClient hub, String path) {
        return hub.adminJson(path);
    }

    private static List<List<String>> csv(String body) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).readValues(body)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static String id(ObjectNode statement) {
        return statement.get("id").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The IFI key of an account actor, as the LRS indexes it. */
    private static String ifi(JsonNode actor) {
        JsonNode account = actor.get("account");
        return "account:" + account.get("homePage").asText() + "|" + account.get("name").asText();
    }

    private static ObjectNode statement(JsonNode actor, String verb, String activity, String registration) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", actor);
        s.putObject("verb").put("id", VERBS + verb);
        s.putObject("object").put("id", activity);
        if (registration != null) {
            s.putObject("context").put("registration", registration);
        }
        return s;
    }

    private static HttpResponse<String> post(HubClient hub, XapiCredential lrs, ObjectNode statement) {
        return hub.send(lrs.xapi(hub, "/xapi/statements", "1.0.3").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())));
    }

}
