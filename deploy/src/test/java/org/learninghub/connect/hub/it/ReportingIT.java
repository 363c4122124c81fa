package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reports over real HTTP, on data seeded through the real APIs: LTI launches from a test platform, statements
 * posted by the content with its launch credential, voiding and concurrent statements with an LRS credential. Every
 * expected figure is worked out by hand in the comments. Launches happen "today" on the server's clock, so the
 * checks that include them use ranges reaching to tomorrow rather than a named day.
 */
class ReportingIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String D1 = "2026-03-02"; // a Monday
    private static final String D2 = "2026-03-04"; // the Wednesday of the same ISO week
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyReportMatchesHandComputedFiguresAndVoidingTakesCompletionsBack() throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode a = catalogue.created(catalogue.resource("reporting-a"));
        JsonNode b = catalogue.created(catalogue.resource("reporting-b"));
        String ra = a.get("id").asText();
        String rb = b.get("id").asText();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            String trust = lti.newTrust();
            lti.register(trust, platform);
            XapiCredential lrs = XapiCredential.issueTo(hub, trust, "all");

            // Launches (today): L1, L2, L3 launch A; L1 launches B.
            Map<String, String> r1 = lti.launchResource(platform, ra, "learner-1");
            Map<String, String> r2 = lti.launchResource(platform, ra, "learner-2");
            Map<String, String> r3 = lti.launchResource(platform, ra, "learner-3");
            Map<String, String> r4 = lti.launchResource(platform, rb, "learner-1");

            // A, D1: L1 completes (10 min) and passes; L2 completes (30 min) and fails.
            post(r1, outcome("completed", r1, a, D1 + "T10:00:00Z", "PT10M"));
            post(r1, outcome("passed", r1, a, D1 + "T10:01:00Z", "PT10M"));
            ObjectNode l2Completed = outcome("completed", r2, a, D1 + "T11:00:00Z", "PT30M");
            post(r2, l2Completed);
            post(r2, outcome("failed", r2, a, D1 + "T11:00:01Z", null));
            // A, D2: L3 completes (20 min) and sends a second completion (40 min) of the same attempt: one counts.
            ObjectNode l3First = outcome("completed", r3, a, D2 + "T09:00:00Z", "PT20M");
            post(r3, l3First);
            post(r3, outcome("completed", r3, a, D2 + "T09:30:00Z", "PT40M"));
            // B, D2: L1 passes (5 min): a completion and a pass.
            post(r4, outcome("passed", r4, b, D2 + "T08:00:00Z", "PT5M"));

            JsonNode before = activity(hub, "trust=" + trust + "&resource=" + ra + "&from=" + D1 + "&to=" + D2);
            assertEquals(2, before.get("series").get(0).get("completions").asLong(), before.toString());
            assertEquals(1200.0, before.get("series").get(2).get("medianSecondsToComplete").asDouble());

            // Voiding: L2's completion leaves the counts; L3's first completion is replaced by the attempt's second.
            assertEquals(200, voiding(hub, lrs, l2Completed).statusCode());
            assertEquals(200, voiding(hub, lrs, l3First).statusCode());

            // Day series of A over D1..D2: D1 (1 completion, 1 pass, 1 fail, L1 and L2 active, median 600 s),
            // an empty day, D2 (1 completion, L3 active, median 2400 s: the replacing completion's duration).
            JsonNode series = activity(hub, "trust=" + trust + "&resource=" + ra + "&from=" + D1 + "&to=" + D2
                    + "&period=day").get("series");
            assertEquals(3, series.size(), series.toString());
            expect(series.get(0), Map.of("periodStart", D1, "launches", 0, "completions", 1, "passes", 1, "fails", 1,
                    "passRate", 0.5, "activeLearners", 2, "medianSecondsToComplete", 600.0));
            expect(series.get(1), Map.of("periodStart", "2026-03-03", "launches", 0, "completions", 0, "passes", 0,
                    "fails", 0, "activeLearners", 0));
            assertTrue(series.get(1).get("passRate").isNull() && series.get(1).get("medianSecondsToComplete").isNull());
            expect(series.get(2), Map.of("periodStart", D2, "completions", 1, "passes", 0, "fails", 0,
                    "activeLearners", 1, "medianSecondsToComplete", 2400.0));

            // Week series of the whole trust: one ISO week; completions A 1 + A 1 + B 1, passes 2, fails 1,
            // learners L1, L2, L3 (L1 on two resources and days is one), median of {600, 2400, 300} = 600.
            JsonNode week = activity(hub, "trust=" + trust + "&from=" + D1 + "&to=" + D2 + "&period=week");
            assertEquals("week", week.get("period").asText());
            assertEquals(1, week.get("series").size(), week.toString());
            expect(week.get("series").get(0), Map.of("periodStart", D1, "completions", 3, "passes", 2, "fails", 1,
                    "activeLearners", 3, "medianSecondsToComplete", 600.0));
            assertEquals(2.0 / 3, week.get("series").get(0).get("passRate").asDouble(), 1e-9);

            // Per trust, D1..tomorrow: 4 launches, 3 completions, 2 passes, 1 fail, 3 learners, median 600.
            JsonNode trusts = report(hub, "/admin/api/reports/trusts?from=" + D1 + "&to=" + tomorrow);
            JsonNode mine = row(trusts.get("trusts"), "trust", trust);
            expect(mine, Map.of("name", "LTI " + trust, "launches", 4, "completions", 3, "passes", 2, "fails", 1,
                    "activeLearners", 3, "medianSecondsToComplete", 600.0));
            assertEquals(1, report(hub, "/admin/api/reports/trusts?trust=" + trust + "&from=" + D1 + "&to="
                    + tomorrow).get("trusts").size());

            // Top resources of the trust: A (3 launches; median of {600, 2400} = 1500), then B.
            JsonNode top = report(hub, "/admin/api/reports/resources?trust=" + trust + "&from=" + D1 + "&to="
                    + tomorrow + "&limit=10").get("resources");
            assertEquals(2, top.size(), top.toString());
            expect(top.get(0), Map.of("resource", ra, "title", a.get("title").asText(), "launches", 3,
                    "completions", 2, "passes", 1, "fails", 1, "passRate", 0.5, "activeLearners", 3,
                    "medianSecondsToComplete", 1500.0));
            expect(top.get(1), Map.of("resource", rb, "launches", 1, "completions", 1, "passes", 1, "fails", 0,
                    "passRate", 1.0, "activeLearners", 1, "medianSecondsToComplete", 300.0));
            assertEquals(1, report(hub, "/admin/api/reports/resources?trust=" + trust + "&from=" + D1 + "&to="
                    + tomorrow + "&limit=1").get("resources").size());

            // Compliance due by D1 (past): A has L1, L2, L3 enrolled, L1 and L3 completed, only L1 by D1, so 2
            // overdue; B has L1, completed after D1: overdue. Due in 2099: nobody is overdue yet.
            JsonNode compliance = report(hub, "/admin/api/reports/compliance?trust=" + trust + "&dueBy=" + D1);
            expect(row(compliance.get("resources"), "resource", ra), Map.of("enrolled", 3, "completed", 2,
                    "notCompleted", 1, "completedByDue", 1, "overdue", 2));
            expect(row(compliance.get("resources"), "resource", rb), Map.of("enrolled", 1, "completed", 1,
                    "notCompleted", 0, "completedByDue", 0, "overdue", 1));
            JsonNode future = report(hub, "/admin/api/reports/compliance?trust=" + trust + "&resource=" + ra
                    + "&dueBy=2099-01-01");
            assertEquals(1, future.get("resources").size());
            expect(future.get("resources").get(0), Map.of("enrolled", 3, "completed", 2, "completedByDue", 2,
                    "overdue", 0));

            // CSV: the same day series, by ?format=csv and by Accept.
            String csvQuery = "/admin/api/reports/activity?trust=" + trust + "&resource=" + ra + "&from=" + D1
                    + "&to=" + D2;
            HttpResponse<String> csv = hub.send(hub.admin(csvQuery + "&format=csv").GET());
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
            List<String> lines = csv.body().lines().toList();
            assertEquals(List.of("periodStart,launches,completions,passes,fails,passRate,activeLearners,"
                    + "medianSecondsToComplete", D1 + ",0,1,1,1,0.5,2,600", "2026-03-03,0,0,0,0,,0,",
                    D2 + ",0,1,0,0,,1,2400"), lines);
            HttpResponse<String> accepted = hub.send(hub.admin(csvQuery).header("Accept", "text/csv").GET());
            assertEquals(csv.body(), accepted.body());
        }
    }

    @Test
    void concurrentCompletionsAreCountedExactlyAndAVoidedOneLeaves() throws Exception {
        HubClient hub = new HubClient(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode c = catalogue.created(catalogue.resource("reporting-concurrent"));
        String resource = c.get("id").asText();
        String code = HubClient.uniqueCode("R");
        // A name a spreadsheet would run as a formula: the CSV must neutralise it (an apostrophe first).
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"=1+2 Trust\"}");
        assertEquals(201, created.statusCode(), created.body());
        XapiCredential lrs = XapiCredential.issueTo(hub, code, "all");
        String day = "2026-04-01";

        // 8 learners × 50 completions (no registration: each is its own attempt), all at once on one resource/day.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> results = new ArrayList<>();
        List<ObjectNode> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<ObjectNode> mine = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ObjectNode s = JSON.createObjectNode();
                s.put("id", UUID.randomUUID().toString());
                s.putObject("actor").put("mbox", "mailto:learner" + t + "@example.org");
                s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/completed");
                s.putObject("object").put("id", c.get("activityId").asText());
                s.put("timestamp", day + "T12:00:00Z");
                s.putObject("result").put("duration", "PT" + (t + 1) + "M");
                mine.add(s);
            }
            all.addAll(mine);
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (ObjectNode s : mine) {
                    statuses.add(statement(hub, lrs, s).statusCode());
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "posting did not finish");
        for (Future<List<Integer>> r : results) {
            for (int status : r.get()) {
                assertEquals(200, status);
            }
        }
        String query = "trust=" + code + "&resource=" + resource + "&from=" + day + "&to=" + day;
        JsonNode before = activity(hub, query).get("series").get(0);
        // 400 completions by 8 learners; durations 1..8 minutes, 50 each: the median is between 4 and 5 minutes.
        expect(before, Map.of("completions", 400, "activeLearners", 8, "medianSecondsToComplete", 270.0));

        assertEquals(200, voiding(hub, lrs, all.get(0)).statusCode());
        // The same voiding again is one more (idempotent) statement, never a second decrement.
        assertEquals(200, voiding(hub, lrs, all.get(0)).statusCode());
        expect(activity(hub, query).get("series").get(0), Map.of("completions", 399, "activeLearners", 8));

        JsonNode compliance = report(hub, "/admin/api/reports/compliance?trust=" + code + "&dueBy=" + day);
        expect(row(compliance.get("resources"), "resource", resource), Map.of("enrolled", 8, "completed", 8,
                "completedByDue", 8, "overdue", 0));

        HttpResponse<String> csv = hub.send(hub.admin("/admin/api/reports/trusts?trust=" + code + "&from=" + day
                + "&to=" + day).header("Accept", "text/csv").GET());
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertEquals(List.of("trust,name,launches,completions,passes,fails,passRate,activeLearners,"
                + "medianSecondsToComplete", code + ",\"'=1+2 Trust\",0,399,0,0,,8,300"), lines);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        HubClient hub = new HubClient(base);
        String trust = XapiCredential.newTrust(hub);
        refused(hub, "/admin/api/reports/activity?from=2026-13-01", 400, "from");
        refused(hub, "/admin/api/reports/activity?from=01/03/2026", 400, "from");
        refused(hub, "/admin/api/reports/activity?from=2026-03-02&to=2026-03-01", 400, "from");
        refused(hub, "/admin/api/reports/activity?from=2025-01-01&to=2026-03-01", 400, "to");
        refused(hub, "/admin/api/reports/activity?period=month", 400, "period");
        refused(hub, "/admin/api/reports/activity?format=xml", 400, "format");
        refused(hub, "/admin/api/reports/activity?resource=nope", 400, "resource");
        refused(hub, "/admin/api/reports/activity?resource=" + UUID.randomUUID(), 404, "resource");
        refused(hub, "/admin/api/reports/activity?trust=lower", 400, "trust");
        refused(hub, "/admin/api/reports/activity?trust=ZZZZZZZZZZZ9", 404, "trust");
        refused(hub, "/admin/api/reports/trusts?from=2020-01-01&to=2026-01-01", 400, "to");
        refused(hub, "/admin/api/reports/resources?limit=1001", 400, "limit");
        refused(hub, "/admin/api/reports/resources?limit=0", 400, "limit");
        refused(hub, "/admin/api/reports/compliance?dueBy=2026-01-01", 400, "trust");
        refused(hub, "/admin/api/reports/compliance?trust=" + trust, 400, "dueBy");
        refused(hub, "/admin/api/reports/compliance?trust=" + trust + "&dueBy=tomorrow", 400, "dueBy");
        // A year of weeks is within bounds, as is a 400-day series.
        assertEquals(200, hub.send(hub.admin("/admin/api/reports/activity?period=week&from=2024-01-01&to=2026-03-01")
                .GET()).statusCode());
        JsonNode longest = activity(hub, "trust=" + trust + "&from=2025-01-01&to=2026-02-04");
        assertEquals(400, longest.get("series").size());
        // Administrators only.
        HttpResponse<String> anonymous = hub.send(hub.request("/admin/api/reports/trusts").GET());
        assertEquals(401, anonymous.statusCode());
    }

    private static void refused(HubClient hub, String path, int status, String field) {
        hub.assertRefused(path, status, field);
    }

    private static JsonNode activity(HubClient hub, String query) throws Exception {
        return report(hub, "/admin/api/reports/activity?" + query);
    }

    private static JsonNode report(HubClient hub, String path) {
        return hub.adminJson(path);
    }

    private static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode r : rows) {
            if (value.equals(r.path(key).asText())) {
                return r;
            }
        }
        throw new AssertionError("no row with " + key + " " + value + " in " + rows);
    }

    private static void expect(JsonNode row, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            JsonNode actual = row.get(e.getKey());
            String where = e.getKey() + " in " + row;
            if (e.getValue() instanceof Integer n) {
                assertEquals(n.longValue(), actual.asLong(), where);
                assertTrue(actual.isIntegralNumber(), where);
            } else if (e.getValue() instanceof Double d) {
                assertEquals(d, actual.asDouble(), 1e-9, where);
            } else {
                assertEquals(e.getValue(), actual.asText(), where);
            }
        }
    }

    private HttpResponse<String> voiding(HubClient hub, XapiCredential lrs, ObjectNode target) {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", UUID.randomUUID().toString());
        v.putObject("actor").put("mbox", "mailto:admin@example.org");
        v.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/voided");
        v.putObject("object").put("objectType", "StatementRef").put("id", target.get("id").asText());
        return statement(hub, lrs, v);
    }

    private HttpResponse<String> statement(HubClient hub, XapiCredential lrs, ObjectNode statement) {
        return hub.send(lrs.xapi(hub, "/xapi/statements", "1.0.3").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())));
    }

    /** An outcome the content reports for its launch: its actor, registration and activity, at a given time. */
    private static ObjectNode outcome(String verb, Map<String, String> launch, JsonNode resource, String timestamp,
                                      String duration) throws Exception {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", JSON.readTree(launch.get("actor")));
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", resource.get("activityId").asText());
        s.putObject("context").put("registration", launch.get("registration"));
        s.put("timestamp", timestamp);
        if (duration != null) {
            s.putObject("result").put("duration", duration);
        }
        return s;
    }

    /** The content posts with the credential its launch handed it. */
    private void post(Map<String, String> launch, ObjectNode statement) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(launch.get("endpoint") + "statements"))
                .header("Authorization", launch.get("auth"))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

}
