package org.learninghub.connect.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Load driver for the LRS (not a test: it asserts nothing about time). It measures, against a running
 * Hub, in one script run ({@code bench/lrs-load.sh}: ingest, then the database's ANALYZE as autovacuum
 * would do it, then queries):
 * <ol>
 *   <li>baseline ingest: statements/s with one statement per POST from N clients;</li>
 *   <li>batched ingest: statements/s with batches of B statements per POST from N clients;</li>
 *   <li>query latency: p50/p99 of agent+verb+since queries, against a baseline of
 *       {@code GET /xapi/about} round trips on the same connection pool.</li>
 * </ol>
 * and prints each figure with its ratio to the baseline, so the figures compare across machines.
 * Run with {@code bench/lrs-load.sh}.
 */
public final class LrsLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERB = "http://adlnet.gov/expapi/verbs/experienced";

    private final URI endpoint;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private LrsLoadDriver(URI endpoint, String key, String secret) {
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !List.of("ingest", "query").contains(args[3])) {
            System.err.println("usage: LrsLoadDriver <xapi endpoint> <key> <secret> ingest [clients=4] [batch=100] [seconds=20]");
            System.err.println("       LrsLoadDriver <xapi endpoint> <key> <secret> query [queries=2000]");
            System.exit(2);
        }
        LrsLoadDriver driver = new LrsLoadDriver(URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"), args[1], args[2]);
        if (args[3].equals("ingest")) {
            int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
            int batch = args.length > 5 ? Integer.parseInt(args[5]) : 100;
            int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 20;
            driver.ingest(clients, batch, 3); // warm-up, not reported
            double single = driver.ingest(clients, 1, seconds);
            double batched = driver.ingest(clients, batch, seconds);
            System.out.printf("ingest baseline (1 statement/POST, %d clients): %.0f statements/s%n", clients, single);
            System.out.printf("ingest batched (%d statements/POST, %d clients): %.0f statements/s  ratio %.1fx%n",
                    batch, clients, batched, batched / single);
        } else {
            int queries = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
            List<Long> about = driver.latencies(queries, "about", null);
            String since = Instant.now().minusSeconds(3600).toString();
            List<Long> query = driver.latencies(queries, "statements", "agent=" + enc(driver.agent(7).toString())
                    + "&verb=" + enc(VERB) + "&since=" + enc(since) + "&limit=10");
            System.out.printf("GET /xapi/about baseline: p50 %.2f ms, p99 %.2f ms%n", ms(about, 50), ms(about, 99));
            System.out.printf("agent+verb+since query: p50 %.2f ms, p99 %.2f ms  p99 ratio %.1fx%n",
                    ms(query, 50), ms(query, 99), ms(query, 99) / ms(about, 99));
        }
    }

    /** Statements stored per second by {@code clients} threads posting batches for {@code seconds}. */
    private double ingest(int clients, int batch, int seconds) throws Exception {
        AtomicLong stored = new AtomicLong();
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        Instant begin = Instant.now();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    HttpResponse<String> r = send(request("statements")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(batch(client, batch))));
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("POST statements answered " + r.statusCode() + ": " + r.body());
                    }
                    stored.addAndGet(batch);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return stored.get() / (Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }

    private List<Long> latencies(int n, String resource, String query) {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(request(resource + (query == null ? "" : "?" + query)).GET());
            nanos.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + resource + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        Collections.sort(nanos);
        return nanos;
    }

    private String batch(int client, int size) {
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            ObjectNode s = statements.addObject();
            s.set("actor", agent((int) (Math.random() * 1000)));
            s.putObject("verb").put("id", VERB).putObject("display").put("en-GB", "experienced");
            ObjectNode object = s.putObject("object");
            object.put("id", "https://hub.example.org/bench/" + runId + "/page/" + client + "/" + (i % 50));
            object.put("objectType", "Activity");
            s.putObject("result").put("completion", true);
        }
        return statements.toString();
    }

    private ObjectNode agent(int n) {
        ObjectNode agent = JsonNodeFactory.instance.objectNode();
        agent.put("objectType", "Agent");
        agent.putObject("account").put("homePage", "https://lms.example.org").put("name", "learner-" + n);
        return agent;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "1.0.3");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(List<Long> sortedNanos, int percentile) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
