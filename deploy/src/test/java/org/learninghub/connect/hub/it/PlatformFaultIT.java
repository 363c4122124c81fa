package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform whose keyset (JWKS) endpoint is sick, while browsers launch through it: one that accepts
 * the connection and never answers, one that answers its headers and then drips the body a byte a second.
 * Every launch through that registration is answered, within {@link #LAUNCH_BOUND}, with the 502 page and
 * its fixed sentence (nothing the keyset server sent), the tool hangs up on the keyset server within a
 * whole-fetch bound, no fetch outlives the load, and launches through a healthy registration on the same
 * Hub keep succeeding meanwhile. Part of the fault suite only: {@code mvn -Pfaults verify}.
 *
 * <p>The Hub is started with {@code bin/hub} on the embedded database so that the keyset settings can be
 * set for this class alone: a 2 s timeout keeps the run short, and the refetch rate limit is off, so no
 * launch is refused by the rate limiter without a fetch (with the default, two fetches per 30 s, most
 * launches would be answered at once without touching the keyset server, which measures nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFaultIT {

    /** {@code hub.lti.jwks.http.timeout.millis} of the server under test: connect and per-read timeout. */
    static final int JWKS_TIMEOUT_MILLIS = 2000;
    /** {@code KeysetRetriever} cuts a whole fetch off at the connect plus the read timeout. */
    static final Duration WHOLE_FETCH = Duration.ofMillis(2L * JWKS_TIMEOUT_MILLIS);
    /**
     * A launch may wait for another launch's fetch of the same keyset (Nimbus' cache lock, at most the
     * timeout) and then make its own (at most a whole fetch): within twice a whole fetch, plus slack for a
     * busy machine.
     */
    static final Duration LAUNCH_BOUND = WHOLE_FETCH.multipliedBy(2).plusSeconds(3);
    /** The tool hangs up on the keyset server within a whole fetch; the slack is scheduling. */
    static final Duration HOLD_BOUND = WHOLE_FETCH.plusSeconds(1);
    static final int BROWSERS = 8;
    static final int LAUNCHES_EACH = 5;
    static final int HEALTHY_BROWSERS = 2;
    /** The 502 page's fixed sentence ("The platform's keys could not be fetched."), as HTML-escaped on the page. */
    static final String FIXED_SENTENCE = "The platform&#39;s keys could not be fetched.";

    @TempDir
    static Path dataDir;

    private HubProcess hub;
    private LtiSteps lti;
    private TestPlatform healthy;

    @BeforeAll
    void start() {
        int port = HubProcess.freePort();
        URI tool = URI.create("http://127.0.0.1:" + port);
        Map<String, String> env = Map.of(
                "HUB_DATA_DIR", dataDir.toString(),
                "HUB_PUBLIC_URL", tool.toString(),
                "HUB_LTI_JWKS_HTTP_TIMEOUT_MILLIS", Integer.toString(JWKS_TIMEOUT_MILLIS),
                "HUB_LTI_JWKS_REFETCH_INTERVAL_SECONDS", "0",
                "HUB_LTI_JWKS_CACHE_SECONDS", "300");
        hub = HubProcess.start(env, HubProcess.logFile("fault-platform").toPath(), port);
        lti = new LtiSteps(hub.client(), tool);
        healthy = lti.registeredPlatform();
        // The healthy keyset is fetched once here; its launches then verify against the cached keys.
        HttpResponse<String> first = launch(new Browser(), healthy);
        assertEquals(200, first.statusCode(), first.body());
    }

    @AfterAll
    void stop() {
        if (healthy != null) {
            healthy.close();
        }
        if (hub != null) {
            hub.kill();
        }
    }

    @Test
    @Order(1)
    void keysetThatAcceptsAndNeverAnswers() throws Exception {
        scenario("JWKS accepts, never answers", FaultyKeyset.Mode.SILENT);
    }

    @Test
    @Order(2)
    void keysetThatDripsOneBytePerSecond() throws Exception {
        scenario("JWKS drips 1 byte/s", FaultyKeyset.Mode.DRIP);
    }

    private void scenario(String name, FaultyKeyset.Mode mode) throws Exception {
        try (FaultyKeyset keyset = FaultyKeyset.start(mode); TestPlatform sick = TestPlatform.start()) {
            sick.registerRedirectUri(lti.launchUrl());
            lti.register(lti.newTrust(), sick, Map.of("jwksUrl", keyset.url().toString()));
            long pid = hub.pid();
            int threadsBefore = ServerProcess.threads(pid);
            AtomicInteger threadsPeak = new AtomicInteger(threadsBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> threadsPeak.accumulateAndGet(ServerProcess.threads(pid), Math::max),
                    0, 200, TimeUnit.MILLISECONDS);
            Launches faulty = new Launches();
            Launches healthyLaunches = new Launches();
            AtomicBoolean loadRunning = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(BROWSERS + HEALTHY_BROWSERS);
            try {
                List<Future<?>> healthyBrowsers = new ArrayList<>();
                for (int b = 0; b < HEALTHY_BROWSERS; b++) {
                    healthyBrowsers.add(pool.submit(() -> {
                        Browser browser = new Browser(Duration.ofSeconds(60));
                        while (loadRunning.get()) {
                            healthyLaunches.record(browser, healthy, page -> page.statusCode() == 200
                                    && page.body().contains("Hub launch received"));
                            FaultCluster.sleep(Duration.ofMillis(100));
                        }
                        return null;
                    }));
                }
                List<Future<?>> sickBrowsers = new ArrayList<>();
                for (int b = 0; b < BROWSERS; b++) {
                    sickBrowsers.add(pool.submit(() -> {
                        Browser browser = new Browser(Duration.ofSeconds(60));
                        for (int i = 0; i < LAUNCHES_EACH; i++) {
                            faulty.record(browser, sick, page -> page.statusCode() == 502
                                    && page.body().contains(FIXED_SENTENCE)
                                    && !page.body().contains(FaultyKeyset.MARKER)
                                    && !page.body().contains(keyset.url().getAuthority()));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sickBrowsers) {
                    f.get(10, TimeUnit.MINUTES);
                }
                loadRunning.set(false);
                for (Future<?> f : healthyBrowsers) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                loadRunning.set(false);
                pool.shutdownNow();
            }
            // A fetch that outlived its launch would still hold a connection (and a thread in the Hub).
            long settle = System.nanoTime() + HOLD_BOUND.toNanos();
            while (keyset.openNow() > 0 && System.nanoTime() < settle) {
                FaultCluster.sleep(Duration.ofMillis(100));
            }
            sampler.shutdownNow();
            int threadsAfter = ServerProcess.threads(pid);

            FaultReport.print(name, String.format("launches=%d answered=%d answered502=%d answeredWithinBound=%d "
                            + "(bound %dms) unexpected=%d noAnswer=%d longestRequest=%dms | keysetFetchAttempts=%d "
                            + "keysetConnectionsAtOnce=%d longestHeldByHub=%dms (bound %dms) keysetBytesSent=%d "
                            + "stillOpenAfter=%d | healthyLaunchesOk=%d healthyFailed=%d healthyLongest=%dms "
                            + "| hubThreads before=%d peak=%d after=%d",
                    faulty.launches.get(), faulty.answered.get(), faulty.expected.get(), faulty.withinBound.get(),
                    LAUNCH_BOUND.toMillis(), faulty.unexpected.size(), faulty.noAnswer.get(), faulty.longestMillis.get(),
                    keyset.fetchAttempts(), keyset.peakOpen(), keyset.longestHeldMillis(), HOLD_BOUND.toMillis(),
                    keyset.bytesSent(), keyset.openNow(), healthyLaunches.expected.get(),
                    healthyLaunches.launches.get() - healthyLaunches.expected.get(), healthyLaunches.longestMillis.get(),
                    threadsBefore, threadsPeak.get(), threadsAfter));

            assertEquals(BROWSERS * LAUNCHES_EACH, faulty.launches.get());
            assertEquals(faulty.launches.get(), faulty.answered.get(), "launches without an answer");
            assertEquals(List.of(), List.copyOf(faulty.unexpected), "answers other than the 502 page");
            assertEquals(faulty.launches.get(), faulty.withinBound.get(),
                    "longest launch " + faulty.longestMillis + " ms, bound " + LAUNCH_BOUND);
            assertTrue(keyset.fetchAttempts() > 0, "the launches never reached the keyset server");
            assertTrue(keyset.longestHeldMillis() <= HOLD_BOUND.toMillis(),
                    "the Hub held a keyset connection " + keyset.longestHeldMillis() + " ms, bound " + HOLD_BOUND);
            assertEquals(0, keyset.openNow(), "keyset fetches outlived the launches");
            assertTrue(healthyLaunches.expected.get() > 0, "no healthy launch ran during the fault");
            assertEquals(List.of(), List.copyOf(healthyLaunches.unexpected), "healthy launches that failed");
            assertEquals(healthyLaunches.launches.get(), healthyLaunches.withinBound.get(),
                    "longest healthy launch " + healthyLaunches.longestMillis + " ms, bound " + LAUNCH_BOUND);
        }
    }

    /** A login (not timed: it does not touch the keyset), then the launch with a freshly signed id_token. */
    private HttpResponse<String> launch(Browser browser, TestPlatform platform) {
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        return lti.launch(browser, platform.sign(platform.resourceLaunch(login.nonce(), lti.launchUrl()).build()),
                login.state());
    }

    /** What the launches through one registration came to. */
    private final class Launches {
        final AtomicInteger launches = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger expected = new AtomicInteger();
        final AtomicInteger withinBound = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        final AtomicLong longestMillis = new AtomicLong();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

        void record(Browser browser, TestPlatform platform, java.util.function.Predicate<HttpResponse<String>> ok) {
            LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
            String idToken = platform.sign(platform.resourceLaunch(login.nonce(), lti.launchUrl()).build());
            launches.incrementAndGet();
            long begin = System.nanoTime();
            try {
                HttpResponse<String> page = lti.launch(browser, idToken, login.state());
                answered.incrementAndGet();
                if (ok.test(page)) {
                    expected.incrementAndGet();
                } else {
                    unexpected.add(page.statusCode() + " " + page.body().substring(0, Math.min(300, page.body().length())));
                }
            } catch (UncheckedIOException e) {
                noAnswer.incrementAndGet();
                unexpected.add("no answer: " + e.getCause());
            } finally {
                long millis = (System.nanoTime() - begin) / 1_000_000;
                longestMillis.accumulateAndGet(millis, Math::max);
                if (millis <= LAUNCH_BOUND.toMillis()) {
                    withinBound.incrementAndGet();
                }
            }
        }
    }
}
