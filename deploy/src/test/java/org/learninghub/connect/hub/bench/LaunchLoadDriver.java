package org.learninghub.connect.hub.bench;

import com.nimbusds.jwt.JWTClaimsSet;
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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.learninghub.connect.hub.it.Browser;
import org.learninghub.connect.hub.it.TestPlatform;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Load driver for LTI launches (not a test: it asserts nothing about time), run by {@code bench/launches.sh}.
 * A test platform with a real RS256 key is registered in a new trust; N concurrent browsers then each repeat
 * the whole OIDC flow as an LMS page makes a browser do it: {@code GET /lti/login} (the Hub answers with the
 * redirect to the platform, its state cookie and nonce), the platform signs an id_token for that nonce, and
 * {@code POST /lti/launch} with the id_token and state must answer 200. Printed: launches/s, the Hub's latency
 * per launch (both requests, without the platform's signing time), errors, unanswered requests (10 s bound),
 * and, from the same run, the JMH baselines of {@link IdTokenVerification}: Nimbus alone verifying and signing
 * the same kind of id_token, per core.
 */
public final class LaunchLoadDriver {

    private static final Duration REQUEST_BOUND = Duration.ofSeconds(10);

    private final URI hub;
    private final String authorization;
    private final HttpClient admin = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LaunchLoadDriver(URI hub, String user, String password) {
        this.hub = hub;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LaunchLoadDriver <hub base URL> <admin> <password> [browsers=8] [seconds=20]");
            System.exit(2);
        }
        int browsers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        LaunchLoadDriver driver = new LaunchLoadDriver(URI.create(args[0]), args[1], args[2]);
        try (TestPlatform platform = TestPlatform.start()) {
            driver.register(platform);
            // Warm-up: the server's JIT compiles the request path over the first minutes of load (performance.md,
            // "The connection check"); a 5 s warm-up measured the compiler as much as the launch.
            driver.run(platform, browsers, Integer.getInteger("bench.warmup.seconds", 60),
                    "warm-up (not a result), " + browsers + " browsers");
            driver.run(platform, 1, seconds, "sequential, 1 browser");
            driver.run(platform, browsers, seconds, "concurrent, " + browsers + " browsers");
        }
        baseline();
        System.exit(0);
    }

    private void register(TestPlatform platform) throws Exception {
        String code = "LB" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"Launch benchmark " + code + "\"}");
        platform.registerRedirectUri(hub.resolve("/lti/launch"));
        adminPost("/admin/api/trusts/" + code + "/platforms", platform.registrationJson());
    }

    private void adminPost(String path, String json) throws Exception {
        HttpResponse<String> answer = admin.send(HttpRequest.newBuilder(hub.resolve(path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(REQUEST_BOUND).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private void run(TestPlatform platform, int browsers, int seconds, String label) throws Exception {
        List<Long> hubNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong signNanos = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        double elapsed = ConcurrentClients.run(browsers, seconds, (client, end) -> {
            Browser browser = new Browser(REQUEST_BOUND);
            while (Instant.now().isBefore(end)) {
                browser.forgetCookies();
                try {
                    launch(browser, platform, hubNanos, signNanos, errors);
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                        unanswered.incrementAndGet();
                    } else {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }
            return null;
        }).seconds();
        List<Long> sorted = new ArrayList<>(hubNanos);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf("launches, %s: %d in %.1f s = %.0f launches/s; the Hub's time per launch (login + launch)"
                        + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; platform signing %.2f ms CPU per launch;"
                        + " errors %s; unanswered within %d s: %d%n",
                label, n, elapsed, n / elapsed, ms(sorted, 50), ms(sorted, 95), ms(sorted, 99),
                n == 0 ? 0 : sorted.get(n - 1) / 1e6, n == 0 ? 0 : signNanos.get() / 1e6 / n,
                errors.isEmpty() ? "none" : errors, REQUEST_BOUND.toSeconds(), unanswered.get());
    }

    private void launch(Browser browser, TestPlatform platform, List<Long> hubNanos, AtomicLong signNanos,
                        Map<String, AtomicLong> errors) {
        long t0 = System.nanoTime();
        HttpResponse<String> login = browser.get(loginUri(platform));
        if (login.statusCode() != 302) {
            errors.computeIfAbsent("login " + login.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        Map<String, String> redirect = Browser.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        long t1 = System.nanoTime();
        JWTClaimsSet claims = platform.resourceLaunch(redirect.get("nonce"), hub.resolve("/lti/launch")).build();
        String idToken = platform.sign(claims);
        long t2 = System.nanoTime();
        HttpResponse<String> launch = browser.post(hub.resolve("/lti/launch"),
                Map.of("id_token", idToken, "state", redirect.get("state")));
        long t3 = System.nanoTime();
        if (launch.statusCode() != 200) {
            errors.computeIfAbsent("launch " + launch.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        signNanos.addAndGet(t2 - t1);
        hubNanos.add((t1 - t0) + (t3 - t2));
    }

    private URI loginUri(TestPlatform platform) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer);
        params.put("login_hint", "learner-7");
        params.put("target_link_uri", hub.resolve("/lti/launch").toString());
        params.put("lti_message_hint", "{\"launch\":42}");
        params.put("lti_deployment_id", platform.deploymentId);
        params.put("client_id", platform.clientId);
        return hub.resolve("/lti/login?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** Nimbus alone, one thread: verifications and signatures per second per core. */
    private static void baseline() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(IdTokenVerification.class.getName())
                .forks(1).threads(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(3))
                .build()).run();
        for (RunResult r : results) {
            System.out.printf("baseline, Nimbus %s of the same id_token (JMH, 1 thread): %.0f ops/s per core%n",
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore());
        }
    }

    private static double ms(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
