package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learninghub.connect.hub.it.XapiDocumentClient.ACTIVITY_PROFILE;
import static org.learninghub.connect.hub.it.XapiDocumentClient.STATE;
import static org.learninghub.connect.hub.it.XapiDocumentClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Parallel writers of one document (1.0.3 Communication §3.1): every write is atomic against the others,
 * so merges are never lost, exactly one of many writers holding the same ETag wins, and racing creators
 * of a new document never see a 500.
 */
class XapiDocumentConcurrencyIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 16;
    private static final String ACTIVITY = "http://www.example.com/activities/concurrency";
    private static final String AGENT = "{\"mbox\":\"mailto:busy.learner@example.org\"}";
    private XapiDocumentClient client(String version) {
        HubClient hub = new HubClient(base);
        return new XapiDocumentClient(hub, XapiCredential.issue(hub, "all"), version);
    }

    private static Map<String, String> state(String stateId) {
        return params("activityId", ACTIVITY, "agent", AGENT, "stateId", stateId);
    }

    /** Runs the writers at once (released together by a latch) and returns their status codes, counted. */
    private static Map<Integer, Integer> race(IntFunction<HttpResponse<String>> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return writer.apply(n);
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> result : results) {
                statuses.merge(result.get().statusCode(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelMergesOfDistinctKeysAreAllKept() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        // The document does not exist yet: the writers also race to create it.
        Map<Integer, Integer> statuses = race(n -> lrs.postJson(STATE, state("merged"), "{\"key" + n + "\":" + n + "}"));
        assertEquals(Map.of(204, WRITERS), statuses);

        JsonNode merged = JSON.readTree(lrs.get(STATE, state("merged")).body());
        assertEquals(WRITERS, merged.size(), "no merge was lost: " + merged);
        for (int n = 0; n < WRITERS; n++) {
            assertEquals(n, merged.get("key" + n).asInt(), merged.toString());
        }
    }

    @Test
    void ofManyConditionalPutsWithTheSameEtagExactlyOneWins() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        Map<String, String> profile = params("activityId", ACTIVITY, "profileId", "contested");
        assertEquals(204, lrs.putJson(ACTIVITY_PROFILE, profile, "{\"version\":0}", "If-None-Match", "*").statusCode());
        String etag = lrs.get(ACTIVITY_PROFILE, profile).headers().firstValue("ETag").orElseThrow();

        Map<Integer, Integer> statuses = race(n ->
                lrs.putJson(ACTIVITY_PROFILE, profile, "{\"version\":" + (n + 1) + "}", "If-Match", etag));
        assertEquals(Map.of(204, 1, 412, WRITERS - 1), statuses);
        int version = JSON.readTree(lrs.get(ACTIVITY_PROFILE, profile).body()).get("version").asInt();
        assertEquals(true, version >= 1 && version <= WRITERS, "the stored document is the winner's");
    }

    @Test
    void ofManyCreatorsWithIfNoneMatchExactlyOneWins() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        Map<Integer, Integer> statuses = race(n ->
                lrs.putJson(STATE, state("created-once"), "{\"by\":" + n + "}", "If-None-Match", "*"));
        assertEquals(Map.of(204, 1, 412, WRITERS - 1), statuses);
    }

    @Test
    void unconditionalRacingCreatorsOfA103StateAllSucceed() throws Exception {
        XapiDocumentClient lrs = client("1.0.3");
        Map<Integer, Integer> statuses = race(n -> lrs.putJson(STATE, state("last-wins"), "{\"by\":" + n + "}"));
        assertEquals(Map.of(204, WRITERS), statuses, "1.0.3 State PUT overwrites; a lost creation race is retried");
        assertEquals(200, lrs.get(STATE, state("last-wins")).statusCode());
    }

    @Test
    void underV2RacingUnconditionalCreatorsGetOneSuccessAndConflicts() throws Exception {
        XapiDocumentClient lrs = client("2.0.0");
        Map<Integer, Integer> statuses = race(n -> lrs.putJson(STATE, state("first-wins"), "{\"by\":" + n + "}"));
        assertEquals(Map.of(204, 1, 409, WRITERS - 1), statuses,
                "2.0.0: once one creator has stored it, the others PUT onto an existing document without a precondition");
    }
}
