package org.learninghub.connect.hub.admin;

import java.util.Arrays;
import java.util.Optional;
import org.learninghub.connect.hub.security.HubRoles;

/** An administrator account's role; its name is the container group (and role) the identity store returns. */
public enum AdminRole {

    HUB_ADMIN(HubRoles.HUB_ADMIN),
    TRUST_ADMIN(HubRoles.TRUST_ADMIN);

    private final String group;

    AdminRole(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    static Optional<AdminRole> of(String name) {
        return Arrays.stream(values()).filter(r -> r.group.equals(name)).findFirst();
    }
}
