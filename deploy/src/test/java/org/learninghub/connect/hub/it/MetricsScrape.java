package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;

/** One answer of {@code GET /metrics} in Prometheus text, for tests that compare counters before and after. */
record MetricsScrape(String text) {

    static MetricsScrape of(HubClient hub) {
        HttpResponse<String> r = hub.send(hub.request("/metrics").header("Accept", "text/plain").GET());
        assertEquals(200, r.statusCode(), r.body());
        return new MetricsScrape(r.body());
    }

    /** The value of the sample of this name whose labels include {@code label} (any when null). */
    Optional<Double> value(String name, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String labels = line.substring(name.length(), space);
            if (label == null || labels.contains(label)) {
                return Optional.of(Double.parseDouble(line.substring(space + 1)));
            }
        }
        return Optional.empty();
    }

    /** How much the sample grew since {@code before} (an absent sample counts as 0). */
    long delta(MetricsScrape before, String name, String label) {
        return Math.round(value(name, label).orElse(0.0) - before.value(name, label).orElse(0.0));
    }

    /** The samples whose lines begin with {@code prefix}, for failure messages. */
    String lines(String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
