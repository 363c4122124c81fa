package org.learninghub.connect.hub.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An administrator account as the admin API shows it: never the password or its hash. The identity provider's
 * subject appears only on an account mapped to one.
 */
public record AccountView(String username, String role, String trust, boolean disabled, Instant created,
                          Instant updated, Instant passwordChanged,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String oidcSubject) {

    static AccountView of(AdminUser a) {
        return new AccountView(a.username(), a.role().group(), a.trust().map(t -> t.code()).orElse(null),
                a.disabled(), a.created(), a.updated(), a.passwordChanged(), a.oidcSubject().orElse(null));
    }
}
