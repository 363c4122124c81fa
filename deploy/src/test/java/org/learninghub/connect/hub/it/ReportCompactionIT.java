package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Compaction of the activity report's closed periods (reporting.md, "Compaction") on the shared server, whose
 * own passes are months apart: the tests run passes through {@code POST /admin/api/reports/compaction}. Every
 * comparison is between the answer read with summaries and the same answer counted live from the roll-ups (the
 * test deletes the summaries of its range straight in the database, which only makes the report count live), and
 * the summary rows are checked in the database so that a compaction doing nothing fails.
 */
class ReportCompactionIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String PASSWORD = "compaction trust admin password";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void compactedReportsEqualLiveOnesAndLateDataIsCountedAtOnce() throws Exception {
        HubClient hub = new HubClient(base);
        String activity = new CatalogueClient(base).created(new CatalogueClient(base).resource("compaction"))
                .get("activityId").asText();
        String a = XapiCredential.newTrust(hub);
        String b = XapiCredential.newTrust(hub);
        XapiCredential lrsA = XapiCredential.issueTo(hub, a, "all");
        XapiCredential lrsB = XapiCredential.issueTo(hub, b, "all");
        // 16 days, 10 to 25 days ago. Trust A each day: a launch, a completion (k minutes), a pass (5 minutes) and on
        // even days a fail, by three learners in turn; trust B: a launch and a completion (2k minutes) by four
        // learners in turn, the same people (mboxes) as A's, so all trusts together count each person once.
        List<ObjectNode> completionsA = new ArrayList<>();
        int expectedCompletionsA = 0;
        for (int k = 10; k <= 25; k++) {
            String day = today.minusDays(k) + "T12:00:00Z";
            ArrayNode batchA = JSON.createArrayNode();
            batchA.add(statement("launched", learner(k % 3), activity, day, null));
            ObjectNode completed = statement("completed", learner(k % 3), activity, day, "PT" + k + "M");
            completionsA.add(completed);
            batchA.add(completed);
            batchA.add(statement("passed", learner((k + 1) % 3), activity, day, "PT5M"));
            expectedCompletionsA += 2;
            if (k % 2 == 0) {
                batchA.add(statement("failed", learner((k + 2) % 3), activity, day, null));
            }
            assertEquals(200, post(hub, lrsA, batchA).statusCode());
            ArrayNode batchB = JSON.createArrayNode();
            batchB.add(statement("launched", learner(k % 4), activity, day, null));
            batchB.add(statement("completed", learner(k % 4), activity, day, "PT" + (2 * k) + "M"));
            assertEquals(200, post(hub, lrsB, batchB).statusCode());
        }
        Map<String, String> queries = queries(a, b);
        Map<String, JsonNode> before = reports(hub, queries);
        assertEquals(expectedCompletionsA, total(before.get("day A"), "completions"), before.get("day A").toString());

        JsonNode pass = compact(hub);
        assertTrue(pass.path("compacting").asBoolean(), pass.toString());
        assertTrue(pass.path("daysCompacted").asInt() >= 16, "the 16 days written to: " + pass);
        assertTrue(!LocalDate.parse(pass.path("horizon").asText()).isBefore(today.minusDays(3)), pass.toString());
        LocalDate first = today.minusDays(25);
        LocalDate last = today.minusDays(10);
        assertEquals(16, summaries(a, "D", first, last), "one row per day of trust A's activity");
        assertEquals(16, summaries(b, "D", first, last));
        assertEquals(16, summaries(null, "D", first, last), "the all-trusts rows");
        assertEquals(22, summaries(null, "D", first, today.minusDays(4)),
                "every closed day has its all-trusts row, quiet ones too");
        assertTrue(summaries(a, "W", weekStart(first), weekStart(last)) >= 2, "trust A's weeks");

        Map<String, JsonNode> compacted = reports(hub, queries);
        assertEquals(before, compacted, "the same answers read from the summaries");
        assertEquals(compacted, live(hub, queries), "and counted live");
        assertTrue(compact(hub).path("daysCompacted").asInt() >= 22, "the days whose summaries the test deleted");

        // A late completion of trust A, on a compacted day, by a new learner: its day and week count live at once.
        LocalDate lateDay = today.minusDays(15);
        assertEquals(1, summaries(a, "D", lateDay, lateDay));
        ArrayNode late = JSON.createArrayNode().add(statement("completed", "late-" + UUID.randomUUID()
                + "@compaction.example", activity, lateDay + "T08:00:00Z", "PT1H"));
        assertEquals(200, post(hub, lrsA, late).statusCode());
        assertEquals(0, summaries(a, "D", lateDay, lateDay), "trust A's summary of the late day is gone");
        assertEquals(0, summaries(null, "D", lateDay, lateDay), "and the all-trusts one");
        assertEquals(0, summaries(a, "W", weekStart(lateDay), weekStart(lateDay)), "and those of its week");
        assertEquals(0, summaries(null, "W", weekStart(lateDay), weekStart(lateDay)));
        assertEquals(1, summaries(b, "D", lateDay, lateDay), "trust B's stays: B's figures did not change");
        Map<String, JsonNode> afterLate = reports(hub, queries);
        JsonNode row = day(afterLate.get("day A"), lateDay);
        JsonNode was = day(compacted.get("day A"), lateDay);
        assertEquals(was.path("completions").asLong() + 1, row.path("completions").asLong(), row.toString());
        assertEquals(was.path("activeLearners").asLong() + 1, row.path("activeLearners").asLong(), row.toString());
        assertEquals(1, day(afterLate.get("day all"), lateDay).path("completions").asLong()
                - day(compacted.get("day all"), lateDay).path("completions").asLong(), "all trusts too");
        assertEquals(afterLate, live(hub, queries), "the late figures are the live ones");
        assertTrue(compact(hub).path("daysCompacted").asInt() >= 22);
        assertEquals(afterLate, reports(hub, queries));
        // The late day alone invalidated, then compacted again.
        assertEquals(200, post(hub, lrsA, JSON.createArrayNode().add(statement("experienced", learner(1), activity,
                lateDay + "T09:00:00Z", null))).statusCode());
        assertEquals(0, summaries(a, "D", lateDay, lateDay));
        assertEquals(afterLate, reports(hub, queries), "a learner already active that day changes nothing");
        assertEquals(1, compact(hub).path("daysCompacted").asInt());
        assertEquals(1, summaries(a, "D", lateDay, lateDay), "compacted again");
        assertEquals(afterLate, reports(hub, queries));

        // Voiding a completion of another compacted day takes it back at once, compacted or live alike.
        LocalDate voidDay = today.minusDays(20);
        assertEquals(200, post(hub, lrsA, JSON.createArrayNode().add(voiding(completionsA.get(10)))).statusCode());
        assertEquals(0, summaries(null, "D", voidDay, voidDay));
        Map<String, JsonNode> afterVoid = reports(hub, queries);
        assertEquals(day(afterLate.get("day A"), voidDay).path("completions").asLong() - 1,
                day(afterVoid.get("day A"), voidDay).path("completions").asLong());
        assertEquals(expectedCompletionsA, total(afterVoid.get("day A"), "completions"), "one late, one voided");
        assertEquals(1, compact(hub).path("daysCompacted").asInt(), "only the day of the voided statement");
        assertEquals(afterVoid, reports(hub, queries));
        assertEquals(afterVoid, live(hub, queries));
        compact(hub);
        assertEquals(1, summaries(a, "D", voidDay, voidDay));
        assertEquals(afterVoid, reports(hub, queries));

        // A trust administrator still sees their own trust only, from the summaries too.
        String user = "ta-" + a.toLowerCase() + "@compaction.example";
        assertEquals(201, hub.adminPost("/admin/api/accounts", CatalogueClient.json(Map.of("username", user,
                "password", PASSWORD, "role", "trust-admin", "trust", a))).statusCode());
        HttpResponse<String> own = hub.send(hub.request("/admin/api/reports/activity?" + queries.get("day A")
                .replace("trust=" + a + "&", "")).header("Authorization", HubClient.basic(user, PASSWORD)).GET());
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(afterVoid.get("day A").get("series"), JSON.readTree(own.body()).get("series"));
        HttpResponse<String> other = hub.send(hub.request("/admin/api/reports/activity?" + queries.get("day B"))
                .header("Authorization", HubClient.basic(user, PASSWORD)).GET());
        assertEquals(404, other.statusCode(), other.body());
    }

    @Test
    void concurrentLateWritersAndCompactionPassesLeaveTheLiveFigures() throws Exception {
        HubClient hub = new HubClient(base);
        String activity = new CatalogueClient(base).created(new CatalogueClient(base).resource("compaction-race"))
                .get("activityId").asText();
        String c = XapiCredential.newTrust(hub);
        String d = XapiCredential.newTrust(hub);
        List<XapiCredential> lrs = List.of(XapiCredential.issueTo(hub, c, "all"), XapiCredential.issueTo(hub, d, "all"));
        compact(hub);

        // Four writers (two per trust) post completions on days 2 to 12 days ago (compacted and open alike), and
        // void some of their own; meanwhile passes run one after another.
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            XapiCredential credential = lrs.get(w % 2);
            int seed = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<ObjectNode> mine = new ArrayList<>();
                int counted = 0;
                for (int i = 0; i < 25; i++) {
                    ArrayNode batch = JSON.createArrayNode();
                    for (int j = 0; j < 3; j++) {
                        LocalDate on = today.minusDays(2 + random.nextInt(11));
                        ObjectNode s = statement("completed", learner(random.nextInt(6)), activity,
                                on + "T1" + j + ":00:00Z", "PT" + (1 + random.nextInt(50)) + "M");
                        mine.add(s);
                        batch.add(s);
                        counted++;
                    }
                    if (i % 4 == 3) {
                        batch.add(voiding(mine.remove(random.nextInt(mine.size()))));
                        counted--;
                    }
                    HttpResponse<String> r = post(hub, credential, batch);
                    assertEquals(200, r.statusCode(), r.body());
                }
                return credential == lrs.get(0) ? counted : 0;
            }));
        }
        Future<Integer> passes = pool.submit(() -> {
            int n = 0;
            while (writing.get() && n < 200) {
                compact(hub);
                n++;
            }
            return n;
        });
        int expectedC = 0;
        for (Future<Integer> w : writers) {
            expectedC += w.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        assertTrue(passes.get(5, TimeUnit.MINUTES) >= 1);
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

        Map<String, String> queries = queries(c, d);
        compact(hub);
        assertTrue(summaries(c, "D", today.minusDays(12), today.minusDays(3)) >= 1, "trust C's closed days compacted");
        Map<String, JsonNode> compacted = reports(hub, queries);
        assertEquals(compacted, live(hub, queries), "the summaries hold the live figures");
        String whole = "trust=" + c + "&from=" + today.minusDays(30) + "&to=" + today + "&period=day";
        assertEquals(expectedC, total(hub.adminJson("/admin/api/reports/activity?" + whole), "completions"));
        assertNotEquals(0, expectedC);
    }

    @Test
    void erasingALearnerDropsTheSummariesOfTheDaysTheyWereActive() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        HubClient hub = lti.hub;
        JsonNode resource = new CatalogueClient(base).created(new CatalogueClient(base).resource("compaction-erase"));
        String activity = resource.get("activityId").asText();
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(trust, platform);
            Map<String, String> launch = lti.launchResource(platform, resource.get("id").asText(), "learner-9");
            XapiCredential lrs = XapiCredential.issueTo(hub, trust, "all");
            LocalDate on = today.minusDays(12);
            ObjectNode s = Statements.ofAttempt("completed", JSON.readTree(launch.get("actor")),
                    launch.get("registration"), activity);
            s.put("timestamp", on + "T10:00:00Z");
            assertEquals(200, post(hub, lrs, JSON.createArrayNode().add(s)).statusCode());
            compact(hub);
            assertEquals(1, summaries(trust, "D", on, on));
            Map<String, String> queries = queries(trust, trust);
            Map<String, JsonNode> before = reports(hub, queries);

            String learner = "/admin/api/trusts/" + trust + "/learners/" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(platform.issuer.getBytes(StandardCharsets.UTF_8)) + "/learner-9";
            HttpResponse<String> erased = hub.send(hub.admin(learner + "/erase?dryRun=false")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, erased.statusCode(), erased.body());
            assertEquals(0, summaries(trust, "D", on, on), "the erased learner's day is counted live again");
            assertEquals(0, summaries(null, "D", on, on), "all trusts too: their key there changed");
            assertEquals(0, summaries(trust, "W", weekStart(on), weekStart(on)));
            Map<String, JsonNode> after = reports(hub, queries);
            assertEquals(1, day(after.get("day A"), on).path("activeLearners").asLong(), "past counts stay");
            assertEquals(before.get("day A"), after.get("day A"));
            compact(hub);
            assertEquals(1, summaries(trust, "D", on, on));
            assertEquals(after, reports(hub, queries));
            assertEquals(after, live(hub, queries));
        }
    }

    /** Day and week series of each trust and of all trusts; weeks partly outside the range and reaching today. */
    private Map<String, String> queries(String a, String b) {
        String days = "&from=" + today.minusDays(27) + "&to=" + today.minusDays(8) + "&period=day";
        String weeks = "&from=" + today.minusDays(40) + "&to=" + today.minusDays(5) + "&period=week";
        String toToday = "&from=" + today.minusDays(40) + "&to=" + today + "&period=week";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("day A", "trust=" + a + days);
        q.put("day B", "trust=" + b + days);
        q.put("day all", days.substring(1));
        q.put("week A", "trust=" + a + weeks);
        q.put("week all", weeks.substring(1));
        q.put("week A to today", "trust=" + a + toToday);
        q.put("week all to today", toToday.substring(1));
        return q;
    }

    private static Map<String, JsonNode> reports(HubClient hub, Map<String, String> queries) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        queries.forEach((name, q) -> answers.put(name, hub.adminJson("/admin/api/reports/activity?" + q)));
        return answers;
    }

    /** The same reports counted live: the summaries of the range are deleted first (reports then count live). */
    private Map<String, JsonNode> live(HubClient hub, Map<String, String> queries) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM report_period_summary WHERE period_start BETWEEN ? AND ?")) {
            ps.setObject(1, weekStart(today.minusDays(40)));
            ps.setObject(2, today);
            ps.executeUpdate();
        }
        assertEquals(0, summaries(null, "D", today.minusDays(40), today));
        return reports(hub, queries);
    }

    private static JsonNode compact(HubClient hub) throws Exception {
        HttpResponse<String> r = hub.adminPost("/admin/api/reports/compaction", "");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Summary rows of a trust (null: all trusts, tenant 0) and period kind starting within the days. */
    private static long summaries(String trust, String period, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM report_period_summary"
                + " WHERE tenant_id = COALESCE((SELECT id FROM trust WHERE code = ?), 0) AND period = ?"
                + " AND period_start BETWEEN ? AND ?")) {
            ps.setString(1, trust);
            ps.setString(2, period);
            ps.setObject(3, from);
            ps.setObject(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long total(JsonNode report, String measure) {
        long sum = 0;
        for (JsonNode row : report.get("series")) {
            sum += row.path(measure).asLong();
        }
        return sum;
    }

    private static JsonNode day(JsonNode report, LocalDate day) {
        for (JsonNode row : report.get("series")) {
            if (row.path("periodStart").asText().equals(day.toString())) {
                return row;
            }
        }
        throw new AssertionError("no row of " + day + " in " + report);
    }

    private static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String learner(int n) {
        return "learner-" + n + "@compaction.example";
    }

    private static ObjectNode statement(String verb, String mbox, String activity, String timestamp,
                                        String duration) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.putObject("actor").put("mbox", "mailto:" + mbox);
        s.putObject("verb").put("id", VERBS + verb);
        s.putObject("object").put("id", activity);
        s.put("timestamp", timestamp);
        if (duration != null) {
            s.putObject("result").put("duration", duration);
        }
        return s;
    }

    private static ObjectNode voiding(ObjectNode target) {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", UUID.randomUUID().toString());
        v.putObject("actor").put("mbox", "mailto:admin@compaction.example");
        v.putObject("verb").put("id", VERBS + "voided");
        v.putObject("object").put("objectType", "StatementRef").put("id", target.get("id").asText());
        return v;
    }

    private static HttpResponse<String> post(HubClient hub, XapiCredential lrs, ArrayNode statements) {
        return hub.send(lrs.xapi(hub, "/xapi/statements", "1.0.3").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statements.toString())));
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
    }
}
