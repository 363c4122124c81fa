package org.learninghub.connect.lti.page;

import jakarta.ws.rs.core.Response.Status;

/**
 * A browser request the tool refuses: rejected input (4xx), with a reason shown to the user. The reason
 * names the rule broken but never echoes secrets such as tokens.
 */
public class LtiProblem extends RuntimeException {

    private final Status status;

    public LtiProblem(Status status, String reason) {
        super(reason);
        this.status = status;
    }

    public static LtiProblem badRequest(String reason) {
        return new LtiProblem(Status.BAD_REQUEST, reason);
    }

    public static LtiProblem unauthorized(String reason) {
        return new LtiProblem(Status.UNAUTHORIZED, reason);
    }

    public Status status() {
        return status;
    }
}
