package org.learninghub.connect.hub.signin;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.learninghub.connect.hub.admin.AdminIdentityStore;
import org.learninghub.connect.hub.admin.AdminUser;
import org.learninghub.connect.hub.admin.AdminUsers;
import org.learninghub.connect.hub.metrics.HubMetrics;
import org.learninghub.connect.hub.metrics.LoginFailure;
import org.learninghub.connect.hub.security.BrowserSessions;
import org.learninghub.connect.hub.security.LoginThrottle;
import org.learninghub.connect.hub.security.SameOriginForm;
import org.learninghub.connect.hub.security.SignInBusy;

/**
 * Sign-in of a Hub account with its password, from a browser ({@code GET}/{@code POST /signin/password}): the
 * same check as HTTP Basic on the API (the administrators' identity store, the shared {@link LoginThrottle}),
 * then the same browser session as a sign-in through the identity provider. Every refusal goes back to the page
 * with one generic message; the form's body is bounded as other forms are ({@code hub.limit.forms.bytes}) and a
 * post from another site is refused ({@link SameOriginForm}: signing a person into someone else's account is
 * an attack too).
 */
@Path("signin/password")
public class PasswordSignInResource {

    private static final Logger LOG = Logger.getLogger(PasswordSignInResource.class.getName());
    /** Longest user name kept as a throttle key: no account has a longer one (a longer one is simply wrong). */
    static final int MAX_USERNAME_KEY = 100;

    @Inject
    AdminIdentityStore identityStore;

    @Inject
    AdminUsers accounts;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignInSettings settings;

    @Inject
    HubMetrics metrics;

    @GET
    public Response page(@QueryParam("return") String returnTo, @QueryParam("error") String error) {
        String returnPath = ReturnPath.of(returnTo).orElse(ReturnPath.DEFAULT);
        Optional<String> message = Optional.ofNullable(error).filter(SignInPage.MESSAGES::containsKey);
        return SignInPage.response(returnPath, message, settings.enabled());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SameOriginForm
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("return") String returnTo, @Context HttpServletRequest request) {
        String returnPath = ReturnPath.of(returnTo).orElse(ReturnPath.DEFAULT);
        String user = username == null ? "" : username.strip();
        String key = user.length() > MAX_USERNAME_KEY ? user.substring(0, MAX_USERNAME_KEY) : user;
        String address = request.getRemoteAddr();
        if (throttle.retryAfter(key, address).isPresent()) {
            metrics.loginFailed(LoginFailure.THROTTLED);
            return back(returnPath, "throttled");
        }
        CredentialValidationResult result;
        try {
            result = identityStore.validate(new UsernamePasswordCredential(user, password == null ? "" : password));
        } catch (SignInBusy busy) {
            return back(returnPath, "busy");
        }
        Optional<AdminUser> account = result.getStatus() == CredentialValidationResult.Status.VALID
                ? accounts.find(result.getCallerPrincipal().getName()) : Optional.empty();
        if (account.isEmpty()) {
            throttle.failed(key, address);
            metrics.loginFailed(LoginFailure.PASSWORD);
            LOG.fine(() -> "Refused a password sign-in for '" + key + "' from " + address);
            return back(returnPath, "failed");
        }
        throttle.succeeded(key);
        Sessions.Started session = sessions.start(account.get());
        LOG.info(() -> "Signed in " + account.get().username() + " with a password");
        return Response.seeOther(URI.create(returnPath))
                .cookie(SignInResource.cookie(BrowserSessions.COOKIE, session.cookieValue(), "/", -1))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Back to the sign-in page with a message code (303: the browser GETs it, a reload never re-posts). */
    private static Response back(String returnPath, String code) {
        return Response.seeOther(UriBuilder.fromPath("/signin/password").queryParam("error", code)
                        .queryParam("return", returnPath).build())
                .header("Cache-Control", "no-store")
                .build();
    }
}
