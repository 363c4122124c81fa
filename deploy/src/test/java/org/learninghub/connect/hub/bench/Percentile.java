package org.learninghub.connect.hub.bench;

import java.util.List;

/** Nearest-rank percentiles of sorted nanosecond latencies, in milliseconds. */
final class Percentile {

    private Percentile() {
    }

    static double ms(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }
}
