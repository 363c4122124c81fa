package org.learninghub.connect.hub.security;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.Optional;

/**
 * The container's caller for an administrator account, carrying its role and, for a trust-admin, the one
 * trust it administers. Made by the identity store from the account's row on every request, so a change
 * of role, trust or status is seen at once.
 */
public final class AdminCaller extends CallerPrincipal {

    /** The request attribute {@link HubAuthenticationMechanism} leaves it in for {@link CallerTrusts}. */
    static final String REQUEST_ATTRIBUTE = AdminCaller.class.getName();

    private final String role;
    private final String trust;

    public AdminCaller(String username, String role, Optional<String> trust) {
        super(username);
        this.role = role;
        this.trust = trust.orElse(null);
    }

    public String role() {
        return role;
    }

    /** The code of the trust a trust-admin administers; empty for a hub-admin. */
    public Optional<String> trust() {
        return Optional.ofNullable(trust);
    }
}
