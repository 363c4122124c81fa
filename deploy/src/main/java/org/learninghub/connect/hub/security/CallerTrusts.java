package org.learninghub.connect.hub.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The one place that decides which trusts the signed-in administrator may touch. A hub-admin may touch
 * every trust; a trust-admin exactly its own. Every trust-scoped admin resource asks here before it reads
 * or changes anything, with the trust code of the data concerned (from the path, a query parameter or the
 * row the request names), never by looking at the request path.
 *
 * <p>Another trust's data is answered exactly as a trust that does not exist ({@code 404 trust X not found}),
 * so a trust-admin cannot probe which trust codes exist.
 */
@RequestScoped
public class CallerTrusts {

    @Inject
    HttpServletRequest request;

    /** Whether the caller administers every trust. */
    public boolean allTrusts() {
        return request.isUserInRole(HubRoles.HUB_ADMIN);
    }

    /**
     * The only trust whose data the caller may see, for list filters; empty for a hub-admin (every trust).
     * A caller that is neither (which the container's constraints should never let through) is refused.
     */
    public Optional<String> onlyTrust() {
        if (allTrusts()) {
            return Optional.empty();
        }
        return Optional.of(ownTrust());
    }

    /** Refuses, as if the trust did not exist, any trust but the caller's own (a hub-admin passes for all). */
    public void requireAccess(String trustCode) {
        if (allTrusts()) {
            return;
        }
        if (trustCode == null || !trustCode.equals(ownTrust())) {
            throw HubProblem.notFound("trust " + trustCode);
        }
    }

    /** Whether the caller may touch this trust's data; for filtering rows that name their trust. */
    public boolean mayAccess(String trustCode) {
        return allTrusts() || (trustCode != null && trustCode.equals(ownTrust()));
    }

    private String ownTrust() {
        if (request.isUserInRole(HubRoles.TRUST_ADMIN)
                && request.getAttribute(AdminCaller.REQUEST_ATTRIBUTE) instanceof AdminCaller caller
                && caller.trust().isPresent()) {
            return caller.trust().get();
        }
        // Fail closed: an administrator whose trust is unknown here may touch no trust.
        throw new HubProblem(Response.Status.FORBIDDEN, null, "this account administers no trust");
    }
}
