package org.learninghub.connect.hub.bridge.outbox;

import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;

/** Query parameters of the admin lists, refused with the parameter's name when they are not numbers in range. */
public final class Paging {

    private Paging() {
    }

    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        long n = number("limit", value);
        if (n < 1 || n > max) {
            throw HubProblem.badRequest("limit", "a whole number from 1 to " + max);
        }
        return (int) n;
    }

    public static Optional<Long> positive(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        long n = number(field, value);
        if (n < 1) {
            throw HubProblem.badRequest(field, "a positive whole number");
        }
        return Optional.of(n);
    }

    private static long number(String field, String value) {
        if (value.length() > 19) {
            throw HubProblem.badRequest(field, "a positive whole number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw HubProblem.badRequest(field, "a positive whole number");
        }
    }
}
