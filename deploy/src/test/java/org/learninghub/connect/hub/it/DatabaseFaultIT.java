package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The database fails under load, the packaged Hub ({@code bin/hub}) keeps running: PostgreSQL restarted,
 * down for 30 s, killed. Each scenario checks that requests were answered 2xx or 503 with
 * {@code Retry-After} (never a 500, never a hang), that the Hub was ready again by itself within
 * seconds of the database, and that every acknowledged write is there afterwards.
 *
 * <p>Runs against a PostgreSQL cluster of its own ({@link FaultCluster}), never the shared one. Part of
 * the fault suite only: {@code mvn -Pfaults verify} (see src/docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultIT {

    private final FaultCluster cluster = new FaultCluster();
    private HubProcess hub;
    private XapiCredential credential;

    @BeforeAll
    void start() {
        cluster.ensureRunning();
        hub = HubProcess.start(Map.of("HUB_DB_URL", cluster.jdbcUrl(), "HUB_DB_USER", "postgres",
                "HUB_DB_PASSWORD", "", "HUB_KEYS_SECRET", "fault-suite-tool-keys-secret"),
                HubProcess.logFile("fault-database").toPath());
        credential = XapiCredential.issue(hub.client(), "all");
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.kill();
        }
        if (!cluster.accepting()) {
            cluster.start();
        }
    }

    @Test
    @Order(1)
    void databaseRestartMidLoad() {
        scenario("database restart", cluster::restart, Duration.ZERO);
    }

    @Test
    @Order(2)
    void databaseDownFor30Seconds() {
        scenario("database down 30 s", cluster::stopFast, Duration.ofSeconds(30));
    }

    @Test
    @Order(3)
    void databaseKilledMidLoad() {
        scenario("database killed", cluster::stopImmediate, Duration.ofSeconds(3));
    }

    /** Load, the fault, {@code downFor} with the database away (then started), recovery, more load, checks. */
    private void scenario(String name, Runnable fault, Duration downFor) {
        FaultLoad load = new FaultLoad(hub::client, credential, 3, 2, 1);
        FaultCluster.sleep(Duration.ofSeconds(3));
        fault.run();
        String during = null;
        if (!downFor.isZero()) {
            FaultCluster.sleep(downFor.dividedBy(2));
            var ready = hub.client().get("/health/ready");
            assertEquals(503, ready.statusCode(), "readiness while the database is down: " + ready.body());
            during = "readyWhileDown=" + ready.statusCode();
            FaultCluster.sleep(downFor.dividedBy(2));
            cluster.start();
        }
        Instant back = Instant.now();
        Duration readyAgain = FaultCluster.awaitReady(hub.client(), back, Duration.ofSeconds(60));
        FaultCluster.sleep(Duration.ofSeconds(4));
        load.stop();
        Duration firstWrite = load.firstAcknowledgedAfter(back);
        FaultLoad.Check check = load.check(hub.client());
        FaultReport.print(name, load, check, readyAgain, firstWrite, during);
        FaultReport.assertDurable(check);
        FaultReport.assertAnsweredHonestly(load);
        FaultReport.assertRecovered(readyAgain, firstWrite);
        assertTrue(load.acknowledgedAfter(back) > 0, "writes acknowledged after the database came back");
    }
}
