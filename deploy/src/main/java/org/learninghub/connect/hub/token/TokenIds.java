package org.learninghub.connect.hub.token;

import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;

/** A token's id from the path. */
final class TokenIds {

    private TokenIds() {
    }

    static UUID parse(String id) {
        try {
            if (id == null || id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HubProblem.badRequest("id", "a token id (UUID)");
        }
    }
}
