package org.learninghub.connect.hub.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.learninghub.connect.hub.api.HubProblem;

/** What an administrator's password must be, checked before it is hashed; each refusal names the field and rule. */
final class PasswordRules {

    static final int MIN_CHARACTERS = 12;
    /** bcrypt reads at most 72 bytes (71 and its terminator here); a longer password would be cut silently. */
    static final int MAX_BYTES = 71;

    private PasswordRules() {
    }

    static String check(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw HubProblem.badRequest(field, "is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw HubProblem.badRequest(field, "must have at least " + MIN_CHARACTERS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw HubProblem.badRequest(field, "must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw HubProblem.badRequest(field, "must not contain control characters");
        }
        if (password.codePoints().distinct().count() < 4) {
            throw HubProblem.badRequest(field, "must have at least 4 different characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw HubProblem.badRequest(field, "must not contain the user name");
        }
        return password;
    }
}
