package org.learninghub.connect.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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

/**
 * Load driver for the LRS (not a test: it asserts nothing about time). It measures, against a running
 * Hub, in one script run ({@code bench/lrs-load.sh}: ingest, then the database's ANALYZE as autovacuum
 * would do it, then queries):
 * <ol>
 *   <li>baseline ingest: statements/s with one statement per POST from N clients;</li>
 *   <li>batched ingest: statements/s with batches of B statements per POST from N clients;</li>
 *   <li>the ingest baseline: the same statements written by plain JDBC into copies of the LRS's tables;</li>
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
    // HTTP/1.1 as browsers and e-learning speak it to a plain-http URL: the JDK client would otherwise upgrade to
    // h2c and multiplex every client over one connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private LrsLoadDriver(URI endpoint, String key, String secret) {
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !List.of("ingest", "query", "state").contains(args[3])) {
            System.err.println("usage: LrsLoadDriver <xapi endpoint> <key> <secret> ingest [clients=4] [batch=100] [seconds=20] [jdbc url of the Hub's database]");
            System.err.println("       LrsLoadDriver <xapi endpoint> <key> <secret> query [queries=2000]");
            System.err.println("       LrsLoadDriver <xapi endpoint> <key> <secret> state <clients> <seconds> <jdbc url of the Hub's database>");
            System.exit(2);
        }
        LrsLoadDriver driver = new LrsLoadDriver(URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"), args[1], args[2]);
        if (args[3].equals("ingest")) {
            int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
            int batch = args.length > 5 ? Integer.parseInt(args[5]) : 100;
            int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 20;
            // Warm-up, not reported: the server's JIT compiles the single-statement path only after some 15 000
            // requests (server CPU per POST fell from 16 ms to 3.5 ms over the first 18 000); without it the
            // single figure measured the compiler, not the LRS.
            int warmup = Integer.getInteger("bench.warmup.seconds", 60);
            driver.ingest(clients, 1, warmup * 2 / 3);
            driver.ingest(clients, batch, warmup - warmup * 2 / 3);
            double single = driver.ingest(clients, 1, seconds);
            double batched = driver.ingest(clients, batch, seconds);
            System.out.printf("ingest single (1 statement/POST, %d clients): %.0f statements/s%n", clients, single);
            System.out.printf("ingest batched (%d statements/POST, %d clients): %.0f statements/s  ratio to single %.1fx%n",
                    batch, clients, batched, batched / single);
            if (args.length > 7) {
                double jdbc = driver.jdbcIngest(args[7], clients, batch, seconds);
                System.out.printf("baseline, plain JDBC (the same statements' JSON and link rows, batches of %d,"
                        + " %d clients, into copies of the LRS tables with their indexes): %.0f statements/s;"
                        + " batched POST reaches %.0f %% of it%n", batch, clients, jdbc, 100 * batched / jdbc);
                double jdbcSingle = driver.jdbcIngest(args[7], clients, 1, seconds);
                System.out.printf("baseline, plain JDBC with one statement per transaction, %d clients: %.0f statements/s;"
                        + " single POST reaches %.0f %% of it%n", clients, jdbcSingle, 100 * single / jdbcSingle);
            }
        } else if (args[3].equals("state")) {
            int clients = Integer.parseInt(args[4]);
            int seconds = Integer.parseInt(args[5]);
            // Warm-up, not reported: half the ingest warm-up, as the server has compiled the shared request path by then.
            driver.state(clients, Math.max(1, Integer.getInteger("bench.warmup.seconds", 60) / 2));
            StateFigures state = driver.state(clients, seconds);
            state.print("State over HTTP (PUT then GET)");
            // The server's own ceiling at the moment: a request that reads no database and checks no credential.
            double floor = driver.aboutPerSecond(clients, seconds);
            System.out.printf("ceiling, GET /xapi/about (no database, no credential check), %d clients: %.0f requests/s;"
                    + " State's PUTs and GETs together reach %.0f %% of it%n", clients, floor,
                    100 * (state.writes().size() + state.reads().size()) / state.seconds() / floor);
            new StateBaseline(args[6]).run(clients, seconds, driver::stateDocument).print("baseline, plain JDBC (upsert then read of the same row)");
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
        return perSecond(clients, seconds, (client, end) -> {
            long stored = 0;
            while (Instant.now().isBefore(end)) {
                HttpResponse<String> r = send(request("statements")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch(client, batch))));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("POST statements answered " + r.statusCode() + ": " + r.body());
                }
                stored += batch;
            }
            return stored;
        });
    }

    /** Requests per second {@code clients} threads get answered by {@code GET /xapi/about} for {@code seconds}. */
    private double aboutPerSecond(int clients, int seconds) throws Exception {
        return perSecond(clients, seconds, (client, end) -> {
            long answered = 0;
            while (Instant.now().isBefore(end)) {
                HttpResponse<String> r = send(request("about").GET());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET about answered " + r.statusCode() + ": " + r.body());
                }
                answered++;
            }
            return answered;
        });
    }

    /** What {@code clients} threads each running {@code work} for {@code seconds} count (statements, requests), per second. */
    private static double perSecond(int clients, int seconds, ConcurrentClients.Work<Long> work) throws Exception {
        ConcurrentClients.Run<Long> run = ConcurrentClients.run(clients, seconds, work);
        return run.results().stream().mapToLong(Long::longValue).sum() / run.seconds();
    }

    /**
     * The same-run ingest baseline: the same generated statements written by plain JDBC as the LRS stores them
     * (the JSON in a statement row, one agent, activity and verb link row each, a stored-order number from a
     * sequence), into copies of the LRS's tables with all their indexes ({@code LIKE … INCLUDING ALL}), one
     * transaction per batch, each client on its own connection. What is left above it is the LRS's own work:
     * HTTP, validation, authority, id checks.
     */
    private double jdbcIngest(String jdbcUrl, int clients, int batch, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement ddl = c.createStatement()) {
            for (String table : List.of("statement", "statement_agent", "statement_activity", "statement_verb")) {
                ddl.execute("DROP TABLE IF EXISTS bench_baseline_" + table);
                ddl.execute("CREATE TABLE bench_baseline_" + table + " (LIKE xapi_" + table + " INCLUDING ALL)");
            }
            ddl.execute("DROP SEQUENCE IF EXISTS bench_baseline_seq");
            ddl.execute("CREATE SEQUENCE bench_baseline_seq");
        }
        return perSecond(clients, seconds, (client, end) -> {
            long stored = 0;
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                c.setAutoCommit(false);
                while (Instant.now().isBefore(end)) {
                    writeBatch(c, JSON.readTree(batch(client, batch)));
                    stored += batch;
                }
            }
            return stored;
        });
    }

    private static void writeBatch(Connection c, com.fasterxml.jackson.databind.JsonNode statements) throws SQLException {
        int n = statements.size();
        long[] seqs = new long[n];
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('bench_baseline_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, n);
            try (ResultSet rs = next.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    seqs[i] = rs.getLong(1);
                }
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement st = c.prepareStatement("INSERT INTO bench_baseline_statement (tenant_id, id, seq, stored,"
                + " registration, voiding_target, voided, has_attachments, statement_json) VALUES (0,?,?,?,NULL,NULL,false,false,?)");
             PreparedStatement agent = c.prepareStatement(
                     "INSERT INTO bench_baseline_statement_agent (tenant_id, seq, ifi, relation) VALUES (0,?,?,'D')");
             PreparedStatement activity = c.prepareStatement(
                     "INSERT INTO bench_baseline_statement_activity (tenant_id, seq, iri, relation) VALUES (0,?,?,'D')");
             PreparedStatement verb = c.prepareStatement(
                     "INSERT INTO bench_baseline_statement_verb (tenant_id, seq, iri) VALUES (0,?,?)")) {
            for (int i = 0; i < n; i++) {
                com.fasterxml.jackson.databind.JsonNode s = statements.get(i);
                st.setObject(1, UUID.randomUUID());
                st.setLong(2, seqs[i]);
                st.setTimestamp(3, now);
                st.setString(4, s.toString());
                st.addBatch();
                agent.setLong(1, seqs[i]);
                agent.setString(2, "account::" + s.at("/actor/account/homePage").asText() + "|"
                        + s.at("/actor/account/name").asText());
                agent.addBatch();
                activity.setLong(1, seqs[i]);
                activity.setString(2, s.at("/object/id").asText());
                activity.addBatch();
                verb.setLong(1, seqs[i]);
                verb.setString(2, s.at("/verb/id").asText());
                verb.addBatch();
            }
            st.executeBatch();
            agent.executeBatch();
            activity.executeBatch();
            verb.executeBatch();
        }
        c.commit();
    }

    /**
     * The State resource as content uses it: each of {@code clients} threads saves a learner's bookmark
     * ({@code PUT /xapi/activities/state}) and reads it back ({@code GET}), for {@code seconds}.
     */
    private StateFigures state(int clients, int seconds) throws Exception {
        return StateFigures.measure(clients, seconds, (client, i) -> {
            StateDocument d = stateDocument(client, i);
            String query = "activities/state?activityId=" + enc(d.activity()) + "&agent=" + enc(agent(d.learner()).toString())
                    + "&stateId=bookmark";
            long t0 = System.nanoTime();
            HttpResponse<String> put = send(request(query).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(d.body())));
            long t1 = System.nanoTime();
            HttpResponse<String> get = send(request(query).GET());
            long t2 = System.nanoTime();
            if (put.statusCode() != 204 || get.statusCode() != 200 || !get.body().equals(d.body())) {
                throw new IllegalStateException("State PUT answered " + put.statusCode() + ", GET " + get.statusCode()
                        + ": " + get.body());
            }
            return new long[] {t1 - t0, t2 - t1};
        });
    }

    /**
     * The document of one State write: 1 000 learners of the client's own (a learner's bookmark is written by one
     * client only, so reading it back must give what was written), 50 activities, a bookmark of about 200 bytes.
     */
    StateDocument stateDocument(int client, long i) {
        int learner = client * 1000 + (int) (Math.random() * 1000);
        String activity = "https://hub.example.org/bench/" + runId + "/course/" + (learner % 50);
        return new StateDocument(learner, activity, "{\"page\":" + i + ",\"client\":" + client
                + ",\"suspend_data\":\"" + "x".repeat(150) + "\"}");
    }

    record StateDocument(int learner, String activity, String body) {
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
        return Percentile.ms(sortedNanos, percentile);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
