package org.learninghub.connect.hub.reporting;

import java.util.List;

/** What a statement counts as in the roll-ups, by its verb; the code is the {@code kind} column. */
enum Kind {
    LAUNCH('L'), COMPLETION('C'), PASS('P'), FAIL('F');

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    final char code;

    Kind(char code) {
        this.code = code;
    }

    /** A pass is also a completion (content that sends only {@code passed} has completed); each counts once. */
    static List<Kind> of(String verb) {
        if (verb == null || !verb.startsWith(ADL)) {
            return List.of();
        }
        return switch (verb.substring(ADL.length())) {
            case "launched" -> List.of(LAUNCH);
            case "completed" -> List.of(COMPLETION);
            case "passed" -> List.of(COMPLETION, PASS);
            case "failed" -> List.of(FAIL);
            default -> List.of();
        };
    }

    static Kind of(char code) {
        for (Kind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kind " + code);
    }

    /** Launches count every statement; the outcomes count once per attempt (registration). */
    boolean perAttempt() {
        return this != LAUNCH;
    }
}
