package org.learninghub.connect.hub.api;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request the Hub refuses, with the HTTP status, the field at fault (if any) and the rule it broke.
 * Thrown anywhere in the Hub's own API and turned into a JSON error by {@link HubProblemMapper}.
 */
public class HubProblem extends RuntimeException {

    private final Status status;
    private final String field;

    public HubProblem(Status status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static HubProblem badRequest(String field, String rule) {
        return new HubProblem(Status.BAD_REQUEST, field, rule);
    }

    public static HubProblem notFound(String what) {
        return new HubProblem(Status.NOT_FOUND, null, what + " not found");
    }

    public static HubProblem conflict(String field, String rule) {
        return new HubProblem(Status.CONFLICT, field, rule);
    }

    public Status status() {
        return status;
    }

    public String field() {
        return field;
    }
}
