package org.learninghub.connect.hub.signin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.HubRoles;
import org.learninghub.connect.hub.security.SessionCheck;

/**
 * {@code GET /admin/api/session}: the signed-in browser session, with the CSRF token a page must send in
 * {@code X-CSRF-Token} with every request that changes anything. A page can read it (the session cookie is
 * HttpOnly, the token is not in a cookie), another site cannot (no CORS on the admin API).
 */
@Path("admin/api/session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HubRoles.HUB_ADMIN, HubRoles.TRUST_ADMIN})
public class SessionResource {

    public record SessionView(String username, String role, String trust, String csrfToken, Instant created,
                              Instant idleExpires, Instant absoluteExpires) {
    }

    @GET
    public SessionView get(@Context HttpServletRequest request) {
        if (!(request.getAttribute(SessionCheck.SignedIn.REQUEST_ATTRIBUTE) instanceof SessionCheck.SignedIn s)) {
            throw new HubProblem(Response.Status.NOT_FOUND, null,
                    "this request carries no browser session (it was signed with a password)");
        }
        return new SessionView(s.caller().getName(), s.caller().role(), s.caller().trust().orElse(null),
                s.csrfToken(), s.created(), s.idleUntil(), s.absoluteUntil());
    }
}
