package org.learninghub.connect.hub.credential;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.xapi.auth.Scope;

/** The body of {@code POST /admin/api/trusts/{code}/credentials}. */
public record NewCredential(String name, List<String> scopes) {

    static final int MAX_NAME = 200;

    public NewCredential {
        if (name == null || name.isBlank()) {
            throw HubProblem.badRequest("name", "is required");
        }
        if (name.length() > MAX_NAME) {
            throw HubProblem.badRequest("name", "must be at most " + MAX_NAME + " characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw HubProblem.badRequest("scopes", "must list at least one xAPI scope, e.g. [\"all\"]");
        }
        for (int i = 0; i < scopes.size(); i++) {
            String s = scopes.get(i);
            if (Scope.parse(s).isEmpty()) {
                throw HubProblem.badRequest("scopes[" + i + "]", "\"" + s + "\" is not an xAPI scope; use one of "
                        + "statements/write, statements/read, statements/read/mine, state, define, profile, all/read, all");
            }
        }
        scopes = List.copyOf(scopes);
    }

    Set<Scope> scopeSet() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        scopes.forEach(s -> set.add(Scope.parse(s).orElseThrow()));
        return set;
    }
}
