package org.learninghub.connect.hub.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes and reads per second, with their latency percentiles, of one State load run (HTTP or its baseline). */
record StateFigures(double seconds, List<Long> writes, List<Long> reads) {

    /** One save-and-read of client {@code client}'s {@code i}-th document: the write's and the read's nanoseconds. */
    interface Step {
        long[] run(int client, long i) throws Exception;
    }

    static StateFigures measure(int clients, int seconds, Step step) throws Exception {
        ConcurrentClients.Run<List<long[]>> run = ConcurrentClients.run(clients, seconds, (client, end) -> {
            List<long[]> mine = new ArrayList<>();
            for (long i = 0; Instant.now().isBefore(end); i++) {
                mine.add(step.run(client, i));
            }
            return mine;
        });
        List<Long> writes = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        for (List<long[]> mine : run.results()) {
            for (long[] pair : mine) {
                writes.add(pair[0]);
                reads.add(pair[1]);
            }
        }
        Collections.sort(writes);
        Collections.sort(reads);
        return new StateFigures(run.seconds(), writes, reads);
    }

    void print(String label) {
        System.out.printf("%s: %.0f writes/s and %.0f reads/s; write p50 %.2f p99 %.2f ms, read p50 %.2f p99 %.2f ms%n",
                label, writes.size() / seconds, reads.size() / seconds, Percentile.ms(writes, 50),
                Percentile.ms(writes, 99), Percentile.ms(reads, 50), Percentile.ms(reads, 99));
    }
}
