package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** Prints what a fault scenario counted (and appends it to target/fault-report.txt), then checks the bounds. */
final class FaultReport {

    /** No request may take longer than this, whatever the fault: a refusal is quick, a hang is a failure. */
    static final Duration MAX_REQUEST = Duration.ofSeconds(15);
    /** From the database accepting connections again to the Hub being ready and acknowledging writes. */
    static final Duration MAX_RECOVERY = Duration.ofSeconds(15);

    private FaultReport() {
    }

    static void print(String scenario, FaultLoad load, FaultLoad.Check check, Duration readyAgain,
                      Duration firstWriteAgain, String extra) {
        String line = String.format("FAULT %-26s %s | acknowledgedWrites=%d foundAfterRecovery=%d lost=%d "
                        + "halfStoredBatches=%d | readyAgainAfter=%s firstWriteAfter=%s%s",
                scenario, load.counts(), check.acknowledgedWrites(), check.found(), check.lost(),
                check.halfStoredBatches(), millis(readyAgain), millis(firstWriteAgain),
                extra == null ? "" : " | " + extra);
        append(line);
    }

    /** A scenario that counts something other than writes (e.g. launches against a failing platform). */
    static void print(String scenario, String counts) {
        append(String.format("FAULT %-26s %s", scenario, counts));
    }

    private static void append(String line) {
        System.out.println(line);
        try {
            Path report = Path.of(System.getProperty("hub.it.logs", "target"), "..", "fault-report.txt").normalize();
            Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing acknowledged lost, no batch half stored, and something was acknowledged at all. */
    static void assertDurable(FaultLoad.Check check) {
        assertTrue(check.acknowledgedWrites() > 0, "the load must have written something");
        assertEquals(0, check.lost(), "acknowledged writes lost: " + check.lostExamples());
        assertEquals(check.acknowledgedWrites(), check.found());
        assertEquals(0, check.halfStoredBatches(), "batches stored in part");
    }

    /** While the database was failing, every answer was a 2xx or a 503 with Retry-After, quickly. */
    static void assertAnsweredHonestly(FaultLoad load) {
        assertEquals(0, load.otherErrors(), "answers other than 2xx/503: " + load.otherStatuses + " " + load.otherBodies);
        assertEquals(0, load.noAnswer.get(), "requests without an answer");
        assertEquals(0, load.withoutRetryAfter.get(), "503 answers without Retry-After");
        assertTrue(load.longestMillis.get() <= MAX_REQUEST.toMillis(),
                "longest request " + load.longestMillis + " ms, bound " + MAX_REQUEST);
    }

    static void assertRecovered(Duration readyAgain, Duration firstWriteAgain) {
        assertTrue(readyAgain.compareTo(MAX_RECOVERY) <= 0, "ready again after " + readyAgain);
        assertTrue(firstWriteAgain != null, "no write was acknowledged after the database came back");
        assertTrue(firstWriteAgain.compareTo(MAX_RECOVERY) <= 0, "first write after " + firstWriteAgain);
    }

    private static String millis(Duration d) {
        return d == null ? "-" : d.toMillis() + "ms";
    }
}
