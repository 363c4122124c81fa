package org.learninghub.connect.hub.it;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes statements (one per request, or batches) and State documents from several threads until
 * stopped, remembering every write the Hub acknowledged and every batch it was sent; then checks,
 * over HTTP, that every acknowledged write is there and intact and that no batch is half stored.
 *
 * <p>Each answer is counted: 2xx (acknowledged), 503 (and whether it carried {@code Retry-After}), any
 * other status, and no answer at all (connection refused or reset, or the client's 30 s timeout).
 */
final class FaultLoad {

    static final String ACTIVITY = "https://hub.example.org/activities/fault";

    private final Supplier<HubClient> hub;
    private final XapiCredential credential;
    private final int batchSize;
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    final AtomicLong requests = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong withoutRetryAfter = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong longestMillis = new AtomicLong();
    final Map<Integer, AtomicLong> otherStatuses = new ConcurrentHashMap<>();
    final Queue<String> otherBodies = new ConcurrentLinkedQueue<>();
    private final Queue<List<UUID>> ackedBatches = new ConcurrentLinkedQueue<>();
    private final Queue<List<UUID>> unackedBatches = new ConcurrentLinkedQueue<>();
    private final Queue<String[]> ackedStates = new ConcurrentLinkedQueue<>();
    private final Queue<Instant> ackTimes = new ConcurrentLinkedQueue<>();
    private final AtomicLong stateSeq = new AtomicLong();

    /** {@code hub} is asked for the client at each request, so a restarted server can take over. */
    FaultLoad(Supplier<HubClient> hub, XapiCredential credential, int statementWriters, int stateWriters,
              int batchSize) {
        this.hub = hub;
        this.credential = credential;
        this.batchSize = batchSize;
        this.threads = Executors.newFixedThreadPool(statementWriters + stateWriters);
        for (int i = 0; i < statementWriters; i++) {
            running.add(threads.submit(this::writeStatements));
        }
        for (int i = 0; i < stateWriters; i++) {
            int writer = i;
            running.add(threads.submit(() -> writeStates(writer)));
        }
    }

    void stop() {
        stopping = true;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("a load thread failed", e);
            }
        }
        threads.shutdown();
    }

    /** The first acknowledged write at or after this instant, if any. */
    Duration firstAcknowledgedAfter(Instant since) {
        return ackTimes.stream().filter(t -> !t.isBefore(since)).min(Instant::compareTo)
                .map(t -> Duration.between(since, t)).orElse(null);
    }

    long acknowledgedAfter(Instant since) {
        return ackTimes.stream().filter(t -> !t.isBefore(since)).count();
    }

    long otherErrors() {
        return otherStatuses.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void writeStatements() {
        while (!stopping) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
                ids.add(UUID.randomUUID());
            }
            String body = ids.stream().map(id -> Statements.withId(Statements.statement("fault@example.org",
                    "http://adlnet.gov/expapi/verbs/completed", ACTIVITY), id)).collect(Collectors.joining(",", "[", "]"));
            Integer status = send(credential.xapi(hub.get(), "/xapi/statements", "1.0.3")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            (status != null && status == 200 ? ackedBatches : unackedBatches).add(ids);
        }
    }

    private void writeStates(int writer) {
        while (!stopping) {
            String stateId = "s-" + stateSeq.incrementAndGet();
            String content = "{\"writer\":" + writer + ",\"state\":\"" + stateId + "\",\"at\":\"" + Instant.now() + "\"}";
            Integer status = send(credential.xapi(hub.get(), statePath(stateId), "1.0.3")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(content)));
            if (status != null && status == 204) {
                ackedStates.add(new String[] {stateId, content});
            }
        }
    }

    private Integer send(HttpRequest.Builder request) {
        requests.incrementAndGet();
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = hub.get().send(request);
            int status = response.statusCode();
            if (status / 100 == 2) {
                acknowledged.incrementAndGet();
                ackTimes.add(Instant.now());
            } else if (status == 503) {
                unavailable.incrementAndGet();
                if (response.headers().firstValue("Retry-After").isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
                pause();
            } else {
                otherStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (otherBodies.size() < 5) {
                    otherBodies.add(status + " " + response.body());
                }
                pause();
            }
            return status;
        } catch (UncheckedIOException e) {
            noAnswer.incrementAndGet();
            pause();
            return null;
        } finally {
            longestMillis.accumulateAndGet((System.nanoTime() - begin) / 1_000_000, Math::max);
        }
    }

    /** A client that is refused waits a little, as a real one honouring Retry-After would (shortened). */
    private static void pause() {
        FaultCluster.sleep(Duration.ofMillis(100));
    }

    private static String statePath(String stateId) {
        return "/xapi/activities/state?activityId=" + enc(ACTIVITY)
                + "&agent=" + enc("{\"mbox\":\"mailto:fault@example.org\"}") + "&stateId=" + enc(stateId);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** What was found after recovery. */
    record Check(long acknowledgedWrites, long found, long lost, long halfStoredBatches, List<String> lostExamples) {
    }

    /** Reads back every acknowledged write, and every batch that was not acknowledged, through {@code reader}. */
    Check check(HubClient reader) {
        AtomicLong found = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong halfStored = new AtomicLong();
        Queue<String> lostExamples = new ConcurrentLinkedQueue<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> checks = new ArrayList<>();
        for (List<UUID> batch : ackedBatches) {
            for (UUID id : batch) {
                checks.add(pool.submit(() -> {
                    if (statementStored(reader, id)) {
                        found.incrementAndGet();
                    } else {
                        lost.incrementAndGet();
                        lostExamples.add("statement " + id);
                    }
                }));
            }
        }
        for (String[] state : ackedStates) {
            checks.add(pool.submit(() -> {
                HttpResponse<String> got = reader.send(credential.xapi(reader, statePath(state[0]), "1.0.3").GET());
                if (got.statusCode() == 200 && got.body().equals(state[1])) {
                    found.incrementAndGet();
                } else {
                    lost.incrementAndGet();
                    lostExamples.add("state " + state[0] + " -> " + got.statusCode());
                }
            }));
        }
        for (List<UUID> batch : unackedBatches) {
            checks.add(pool.submit(() -> {
                long stored = batch.stream().filter(id -> statementStored(reader, id)).count();
                if (stored != 0 && stored != batch.size()) {
                    halfStored.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : checks) {
            try {
                f.get();
            } catch (Exception e) {
                failure.compareAndSet(null, new IllegalStateException("a check failed", e));
            }
        }
        pool.shutdown();
        if (failure.get() != null) {
            throw failure.get();
        }
        long writes = ackedBatches.stream().mapToLong(List::size).sum() + ackedStates.size();
        return new Check(writes, found.get(), lost.get(), halfStored.get(), lostExamples.stream().limit(5).toList());
    }

    private boolean statementStored(HubClient reader, UUID id) {
        HttpResponse<String> got = reader.send(
                credential.xapi(reader, "/xapi/statements?statementId=" + id, "1.0.3").GET());
        if (got.statusCode() == 200) {
            return got.body().contains(id.toString()) && got.body().contains("fault@example.org");
        }
        if (got.statusCode() == 404) {
            return false;
        }
        throw new IllegalStateException("reading statement " + id + " answered " + got.statusCode() + " " + got.body());
    }

    String counts() {
        return "requests=" + requests + " acknowledged=" + acknowledged + " answered503=" + unavailable
                + " (without Retry-After: " + withoutRetryAfter + ") otherErrors=" + otherStatuses
                + " noAnswer=" + noAnswer + " longestRequest=" + longestMillis + "ms";
    }
}
