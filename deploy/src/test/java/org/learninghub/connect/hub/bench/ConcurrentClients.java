package org.learninghub.connect.hub.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same work on {@code clients} threads until a deadline: what each client returned, and how long the run took. */
final class ConcurrentClients {

    /** One client's work until {@code end}. */
    interface Work<T> {
        T run(int client, Instant end) throws Exception;
    }

    record Run<T>(List<T> results, double seconds) {
    }

    private ConcurrentClients() {
    }

    static <T> Run<T> run(int clients, int seconds, Work<T> work) throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<T>> workers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> work.run(client, end)));
        }
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> w : workers) {
                results.add(w.get());
            }
        } finally {
            // A failed client must end the run, not leave the others (non-daemon threads) keeping the JVM alive.
            pool.shutdownNow();
        }
        return new Run<>(results, (System.nanoTime() - begin) / 1e9);
    }
}
