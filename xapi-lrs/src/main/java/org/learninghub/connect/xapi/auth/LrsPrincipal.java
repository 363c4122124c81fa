package org.learninghub.connect.xapi.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * Who is calling the LRS: an authenticated credential, the tenant it belongs to (an opaque id the
 * deploying application assigns; every read and write is confined to it), its scopes, and the Agent
 * the LRS records as the {@code authority} of statements it stores; a {@link Restriction} when the credential
 * is confined to one actor, registration and activity (a launch).
 */
public record LrsPrincipal(String key, long tenantId, Set<Scope> scopes, Agent authority,
                           Optional<Restriction> restriction) implements Principal {

    public LrsPrincipal {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(authority, "authority is required");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        restriction = Objects.requireNonNullElse(restriction, Optional.empty());
    }

    /** An ordinary credential: its scopes are its only limit. */
    public LrsPrincipal(String key, long tenantId, Set<Scope> scopes, Agent authority) {
        this(key, tenantId, scopes, authority, Optional.empty());
    }

    @Override
    public String getName() {
        return key;
    }

    /**
     * Whether the scopes grant this access: {@code all} grants everything, {@code all/read} every read,
     * {@code statements/read} includes {@code statements/read/mine}.
     */
    public boolean allows(Scope needed, boolean readOnly) {
        return scopes.contains(Scope.ALL)
                || (readOnly && scopes.contains(Scope.ALL_READ))
                || scopes.contains(needed)
                || (needed == Scope.STATEMENTS_READ_MINE && scopes.contains(Scope.STATEMENTS_READ));
    }

    /** Refuses with 403 unless {@link #allows}. */
    public void require(Scope needed, boolean readOnly) {
        if (!allows(needed, readOnly)) {
            throw XapiException.forbidden("this credential lacks the scope " + needed.value()
                    + (readOnly ? " (or all/read)" : "") + " for this request");
        }
    }

    /** The request attribute in which the deploying application's authentication leaves the caller. */
    public static final String REQUEST_ATTRIBUTE = LrsPrincipal.class.getName();

    /**
     * The caller of an xAPI resource, as handed over by {@link LrsPrincipalFilter}; a 401 if there is
     * none, so a resource the container was not told to protect still refuses to answer.
     */
    public static LrsPrincipal of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof LrsPrincipal principal) {
            return principal;
        }
        throw new XapiException(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, "Authorization",
                "valid HTTP Basic credentials of an LRS credential are required");
    }
}
