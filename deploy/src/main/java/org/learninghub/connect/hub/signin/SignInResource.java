package org.learninghub.connect.hub.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.learninghub.connect.hub.admin.AdminUser;
import org.learninghub.connect.hub.admin.AdminUsers;
import org.learninghub.connect.hub.api.ErrorBody;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.metrics.HubMetrics;
import org.learninghub.connect.hub.metrics.LoginFailure;
import org.learninghub.connect.hub.security.BrowserSessions;
import org.learninghub.connect.hub.security.Secrets;

/**
 * Sign-in of a person through the identity provider (OpenID Connect authorization code flow with PKCE)
 * ({@code /signin}, {@code /signin/callback}). Outside the {@code /admin/*} constraint: whoever comes here is not signed in yet. What the callback
 * must find again (state, nonce, PKCE verifier, where to return) is kept in the database under the hash of a
 * random value in a ten-minute cookie, and taken out once, so a replayed callback finds nothing.
 */
@Path("signin")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class.getName());
    static final String ATTEMPT_COOKIE = "hub_signin";
    static final String ATTEMPT_PATH = "/signin";
    /** What a person without an enabled account is told: nothing about which check failed. */
    static final String NO_ACCOUNT = "you have no enabled administrator account at this Hub; ask a Hub administrator";

    @Inject
    SignInSettings settings;

    @Inject
    IdentityProvider provider;

    @Inject
    SignInAttempts attempts;

    @Inject
    Sessions sessions;

    @Inject
    AdminUsers accounts;

    @Inject
    HubMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    /** {@code GET /signin}: off to the provider, with a fresh state, nonce and PKCE challenge. */
    @GET
    public Response signIn(@QueryParam("return") String returnTo) {
        requireEnabled();
        String returnPath = ReturnPath.of(returnTo).orElseThrow(() -> HubProblem.badRequest("return",
                "must be a path of this Hub (starting with a single /), not another site"));
        ProviderMetadata idp = provider.metadata();
        String attempt = Secrets.random();
        String state = Secrets.random();
        String nonce = Secrets.random();
        String verifier = Secrets.random();
        attempts.add(attempt, state, nonce, verifier, returnPath, clock.instant());
        URI authorize = jakarta.ws.rs.core.UriBuilder.fromUri(idp.authorizationEndpoint())
                .queryParam("response_type", "code")
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", settings.redirectUri())
                .queryParam("scope", "openid email profile")
                .queryParam("state", state)
                .queryParam("nonce", nonce)
                .queryParam("code_challenge", Secrets.pkceChallenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .build();
        return Response.status(Response.Status.FOUND).location(authorize)
                .cookie(cookie(ATTEMPT_COOKIE, attempt, ATTEMPT_PATH, (int) SignInAttempts.LIFETIME.toSeconds()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code GET /signin/callback}: the provider's answer; on success a session cookie and off to the return path. */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @CookieParam(ATTEMPT_COOKIE) String attemptCookie) {
        requireEnabled();
        try {
            return complete(code, state, error, attemptCookie);
        } catch (HubProblem problem) {
            // Every refusal also ends the attempt's cookie: a sign-in is started afresh, never resumed.
            metrics.loginFailed(LoginFailure.OIDC);
            return refusal(problem.status(), problem.field(), problem.getMessage());
        }
    }

    private Response complete(String code, String state, String error, String attemptCookie) {
        if (attemptCookie == null || attemptCookie.isEmpty()) {
            throw HubProblem.badRequest(ATTEMPT_COOKIE, "no sign-in is under way in this browser; start at /signin");
        }
        Optional<SignInAttempt> taken = attempts.take(attemptCookie, clock.instant());
        if (taken.isEmpty()) {
            throw HubProblem.badRequest("state", "this sign-in is unknown, already used or expired; start again at /signin");
        }
        SignInAttempt attempt = taken.get();
        if (!Secrets.same(attempt.state(), state)) {
            throw HubProblem.badRequest("state", "does not match the sign-in this browser started; start again at /signin");
        }
        if (error != null) {
            throw new HubProblem(Response.Status.FORBIDDEN, null, "the identity provider did not sign you in");
        }
        if (code == null || code.isEmpty() || code.length() > 4096) {
            throw HubProblem.badRequest("code", "is required (1 to 4096 characters)");
        }
        ProviderMetadata idp = provider.metadata();
        String idToken = provider.exchange(idp, code, attempt.codeVerifier());
        JWTClaimsSet claims = provider.validate(idp, idToken, attempt.nonce());
        Optional<AdminUser> account = account(claims);
        if (account.isEmpty() || account.get().enabledCaller().isEmpty()) {
            LOG.info(() -> "Refused a sign-in through the identity provider: no enabled account for subject "
                    + claims.getSubject());
            throw new HubProblem(Response.Status.FORBIDDEN, null, NO_ACCOUNT);
        }
        Sessions.Started session = sessions.start(account.get());
        LOG.info(() -> "Signed in " + account.get().username() + " through the identity provider");
        return Response.status(Response.Status.FOUND)
                .location(URI.create(attempt.returnPath()))
                .cookie(cookie(BrowserSessions.COOKIE, session.cookieValue(), "/", -1),
                        cookie(ATTEMPT_COOKIE, "", ATTEMPT_PATH, 0))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The account the provider's person is: by subject, or by a (not unverified) e-mail address as user name. */
    private Optional<AdminUser> account(JWTClaimsSet claims) {
        if (settings.claim() == SignInSettings.Claim.SUB) {
            String sub = claims.getSubject();
            return sub.length() > 255 ? Optional.empty() : accounts.findByOidcSubject(sub);
        }
        try {
            String email = claims.getStringClaim("email");
            Boolean verified = claims.getBooleanClaim("email_verified");
            if (email == null || email.isEmpty() || email.length() > 100 || Boolean.FALSE.equals(verified)) {
                return Optional.empty();
            }
            return accounts.findByEmail(email);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new HubProblem(Response.Status.NOT_FOUND, "hub.oidc.issuer",
                    "sign-in through an identity provider is not set up on this Hub; administrators use their password");
        }
    }

    private static Response refusal(Response.Status status, String field, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message, field))
                .cookie(cookie(ATTEMPT_COOKIE, "", ATTEMPT_PATH, 0))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Secure, HttpOnly, SameSite=Lax (sent on the provider's top-level redirect back, not on cross-site posts). */
    static NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
