package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Hub itself is stopped in the middle of an ingest of statement batches and State writes, on
 * PostgreSQL: with SIGTERM (as systemd stops it) and with SIGKILL (a crash). After a restart on the same
 * database every acknowledged write is there, and every batch that was not acknowledged is stored
 * completely or not at all, and SIGTERM stops the server within {@link #MAX_STOP}. Part of the fault
 * suite only: {@code mvn -Pfaults verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerStopFaultIT {

    /** SIGTERM must be done with in this time: requests finish, the pool closes, the JVM exits. */
    static final Duration MAX_STOP = Duration.ofSeconds(60);

    private final FaultCluster cluster = new FaultCluster();
    private Map<String, String> env;
    private volatile HubProcess hub;
    private XapiCredential credential;

    @BeforeAll
    void start() {
        cluster.ensureRunning();
        // The same tool key secret as DatabaseFaultIT: both use the cluster's database and its encrypted keys.
        env = Map.of("HUB_DB_URL", cluster.jdbcUrl(), "HUB_DB_USER", "postgres", "HUB_DB_PASSWORD", "",
                "HUB_KEYS_SECRET", "fault-suite-tool-keys-secret");
        hub = HubProcess.start(env, HubProcess.logFile("fault-stop-1").toPath());
        credential = XapiCredential.issue(hub.client(), "all");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.kill();
        }
    }

    @Test
    @Order(1)
    void sigtermMidIngest() {
        scenario("SIGTERM mid-ingest", "fault-stop-2", server -> server.terminate(MAX_STOP));
    }

    @Test
    @Order(2)
    void kill9MidIngest() {
        scenario("kill -9 mid-ingest", "fault-stop-3", server -> {
            server.kill();
            return 137;
        });
    }

    private void scenario(String name, String nextLog, ToIntFunction<HubProcess> stop) {
        HubProcess running = hub;
        FaultLoad load = new FaultLoad(running::client, credential, 2, 1, 20);
        FaultCluster.sleep(Duration.ofSeconds(6));
        Instant stopAt = Instant.now();
        int exit = stop.applyAsInt(running);
        Duration stopTook = Duration.between(stopAt, Instant.now());
        FaultCluster.sleep(Duration.ofSeconds(1));
        load.stop();
        hub = HubProcess.start(env, HubProcess.logFile(nextLog).toPath());
        FaultLoad.Check check = load.check(hub.client());
        FaultReport.print(name, load, check, hub.startedIn(), null,
                "exit=" + exit + " stoppedIn=" + stopTook.toMillis() + "ms");
        FaultReport.assertDurable(check);
        // Not a bound yet: requests that arrive while Payara undeploys the application (after SIGTERM,
        // before the listener closes) get Payara's own 500 or 503 page; none is an acknowledgement, so
        // nothing is lost, but they are counted in otherErrors (see src/docs/reliability.md).
        assertTrue(stopTook.compareTo(MAX_STOP) <= 0, "stopping took " + stopTook);
    }
}
