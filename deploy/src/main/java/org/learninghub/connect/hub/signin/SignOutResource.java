package org.learninghub.connect.hub.signin;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learninghub.connect.hub.api.ErrorBody;
import org.learninghub.connect.hub.security.BrowserSessions;

/**
 * {@code POST /signout}: ends this browser's session (its row deleted, its cookie cleared). Needs the session's
 * CSRF token, so another site cannot sign a person out; without a live session it just clears the cookie.
 * Outside the {@code /admin/*} constraint, so an ended session can still clear its cookie.
 */
@Path("signout")
@Produces(MediaType.APPLICATION_JSON)
public class SignOutResource {

    @Inject
    Sessions sessions;

    @POST
    public Response signOut(@CookieParam(BrowserSessions.COOKIE) String sessionCookie,
                            @HeaderParam(BrowserSessions.CSRF_HEADER) String csrf) {
        if (sessionCookie != null && !sessions.end(sessionCookie, csrf)) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(new ErrorBody("signing out needs the session's CSRF token", BrowserSessions.CSRF_HEADER))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        return Response.noContent().cookie(SignInResource.cookie(BrowserSessions.COOKIE, "", "/", 0))
                .header("Cache-Control", "no-store").build();
    }
}
