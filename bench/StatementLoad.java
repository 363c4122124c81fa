import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the Statement resource (not a test: it asserts nothing and never fails a build).
 *
 * <pre>java bench/StatementLoad.java http://127.0.0.1:8181 KEY SECRET [batchesPerClient] [clients]</pre>
 *
 * Reports, from one run on one machine: the baseline (GET /xapi/about round trips and single-statement
 * POSTs), then statements/s for clients x batches of 100, as a ratio to the single-statement baseline,
 * then the latency of agent+verb+since queries over what was stored.
 */
public class StatementLoad {

    static final int BATCH = 100;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String base;
    static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "");
        auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        String run = UUID.randomUUID().toString().substring(0, 8);

        warmUp(run);
        double about = rate(clients, 500, i -> send(get("/xapi/about")));
        double single = rate(clients, 500, i -> send(post(statement(run, i))));
        double batched = rate(clients, batches, i -> {
            StringBuilder b = new StringBuilder("[");
            for (int s = 0; s < BATCH; s++) {
                b.append(s == 0 ? "" : ",").append(statement(run, i * BATCH + s));
            }
            send(post(b.append("]").toString()));
        }) * BATCH;
        System.out.printf("GET /xapi/about          %8.0f requests/s (%d clients)%n", about, clients);
        System.out.printf("POST 1 statement         %8.0f statements/s (%d clients)%n", single, clients);
        System.out.printf("POST batches of %d      %8.0f statements/s (%d clients) = %.1f x single POSTs, %.2f x about round trips%n",
                BATCH, batched, clients, batched / single, batched / about);
        queries(run);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Operations per second of {@code clients} threads each doing {@code perClient} steps. */
    static double rate(int clients, int perClient, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong counter = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    step.run((int) counter.getAndIncrement());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return clients * perClient / seconds;
    }

    static void queries(String run) throws Exception {
        String since = Instant.now().minusSeconds(3600).toString();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String agent = "{\"mbox\":\"mailto:learner" + (i % 50) + "-" + run + "@example.org\"}";
            String q = "/xapi/statements?agent=" + enc(agent) + "&verb=" + enc("http://adlnet.gov/expapi/verbs/completed")
                    + "&since=" + enc(since) + "&limit=25";
            long t = System.nanoTime();
            send(get(q));
            micros.add((System.nanoTime() - t) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("GET agent+verb+since     p50 %.1f ms, p99 %.1f ms (300 queries, limit 25)%n",
                micros.get(150) / 1000.0, micros.get(296) / 1000.0);
    }

    static void warmUp(String run) throws Exception {
        for (int i = 0; i < 50; i++) {
            send(post(statement(run + "w", i)));
            send(get("/xapi/about"));
        }
    }

    static String statement(String run, int i) {
        return "{\"actor\":{\"mbox\":\"mailto:learner" + (i % 50) + "-" + run + "@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/" + (i % 3 == 0 ? "completed" : "experienced") + "\"},"
                + "\"object\":{\"id\":\"http://example.org/course/" + (i % 20) + "/page/" + (i % 7) + "\"},"
                + "\"context\":{\"registration\":\"" + UUID.randomUUID() + "\","
                + "\"contextActivities\":{\"parent\":[{\"id\":\"http://example.org/course/" + (i % 20) + "\"}]}}}";
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("X-Experience-API-Version", "2.0.0").GET();
    }

    static HttpRequest.Builder post(String json) {
        return HttpRequest.newBuilder(URI.create(base + "/xapi/statements")).header("Authorization", auth)
                .header("X-Experience-API-Version", "2.0.0").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static void send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
