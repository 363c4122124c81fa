package org.learninghub.connect.hub.admin;

import java.time.Instant;

/** An administrator account as the admin API shows it: never the password or its hash. */
public record AccountView(String username, String role, String trust, boolean disabled, Instant created,
                          Instant updated, Instant passwordChanged) {

    static AccountView of(AdminUser a) {
        return new AccountView(a.username(), a.role().group(), a.trust().map(t -> t.code()).orElse(null),
                a.disabled(), a.created(), a.updated(), a.passwordChanged());
    }
}
