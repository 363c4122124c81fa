package org.learninghub.connect.hub.admin;

import java.util.regex.Pattern;
import org.learninghub.connect.hub.api.HubProblem;

/** The body of {@code POST /admin/api/accounts}; every field is checked here, each refusal names its field. */
public record NewAccount(String username, String password, String role, String trust) {

    /** A user name fits a Basic header (no colon) and the column (100); e-mail addresses fit. */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,99}");

    public NewAccount {
        username(username);
        AdminRole r = role(role);
        if (r == AdminRole.TRUST_ADMIN && (trust == null || trust.isBlank())) {
            throw HubProblem.badRequest("trust", "is required for a trust-admin (the code of the trust it administers)");
        }
        if (r == AdminRole.HUB_ADMIN && trust != null) {
            throw HubProblem.badRequest("trust", "must be absent for a hub-admin, who administers every trust");
        }
        if (trust != null && trust.length() > 32) {
            throw HubProblem.badRequest("trust", "must be a trust code of at most 32 characters");
        }
        PasswordRules.check("password", password, username);
    }

    AdminRole adminRole() {
        return role(role);
    }

    static String username(String username) {
        if (username == null || username.isEmpty()) {
            throw HubProblem.badRequest("username", "is required");
        }
        if (username.length() > 100 || !USERNAME.matcher(username).matches()) {
            throw HubProblem.badRequest("username", "must be 3 to 100 letters, digits or . _ @ - (starting with a letter"
                    + " or digit)");
        }
        return username;
    }

    private static AdminRole role(String role) {
        if (role == null) {
            throw HubProblem.badRequest("role", "is required: hub-admin or trust-admin");
        }
        return AdminRole.of(role).orElseThrow(() -> HubProblem.badRequest("role", "must be hub-admin or trust-admin"));
    }
}
