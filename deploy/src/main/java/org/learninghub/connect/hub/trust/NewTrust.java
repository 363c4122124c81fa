package org.learninghub.connect.hub.trust;

import org.learninghub.connect.hub.api.HubProblem;

/** The body of {@code POST /admin/api/trusts}. */
public record NewTrust(String code, String name) {

    static final int MAX_NAME = 200;

    public NewTrust {
        new TrustCode(code);
        if (name == null || name.isBlank()) {
            throw HubProblem.badRequest("name", "is required");
        }
        if (name.length() > MAX_NAME) {
            throw HubProblem.badRequest("name", "must be at most " + MAX_NAME + " characters");
        }
    }
}
