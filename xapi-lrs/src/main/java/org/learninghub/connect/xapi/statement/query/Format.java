package org.learninghub.connect.xapi.statement.query;

import java.util.Arrays;
import java.util.Optional;

/** The {@code format} parameter (1.0.3 Communication §2.1.3): how much of agents, activities and verbs to return. */
public enum Format {
    IDS, EXACT, CANONICAL;

    public static Optional<Format> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase().equals(value)).findFirst();
    }
}
