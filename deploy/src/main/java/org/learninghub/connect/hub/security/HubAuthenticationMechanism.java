package org.learninghub.connect.hub.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.learninghub.connect.hub.access.AccessLog;
import org.learninghub.connect.hub.api.UnexpectedErrorMapper;
import org.learninghub.connect.hub.credential.LrsCaller;
import org.learninghub.connect.hub.metrics.HubMetrics;
import org.learninghub.connect.hub.metrics.LoginFailure;
import org.learninghub.connect.hub.runtime.DatabaseFailure;
import org.learninghub.connect.hub.runtime.DatabaseOutage;
import org.learninghub.connect.xapi.auth.BasicCredentials;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.http.AlternateSyntaxForm;

/**
 * HTTP Basic (or a browser session) for every URL the deployment descriptor constrains (the admin API and the LRS), checked
 * against the identity stores of LRS credentials and Hub administrators. The container decides which
 * requests are constrained, on the path it has decoded and normalised, so no spelling of a URL that
 * reaches a resource escapes; this mechanism never looks at a path to decide who may pass.
 *
 * <p>A person signed in through the identity provider carries a browser session cookie instead
 * ({@link BrowserSessions}, checked when the request has no {@code Authorization} header): Jakarta Security
 * takes one mechanism per application, so this one serves both rather than the built-in OpenID Connect
 * mechanism replacing Basic (see src/docs/administrators.md).
 *
 * <p>A script may send an administrator's personal API token instead ({@code Authorization: Bearer lhc_…},
 * {@link BearerTokens}, implemented by {@code hub.token}); it is read on the admin API only.
 *
 * <p>The 1.0.3 alternate request syntax carries the credentials in its form body, so for it, and only
 * for it, the body is read here: bounded by {@link AlternateSyntaxForm#maxBytes()} and only when its
 * length is declared.
 */
@ApplicationScoped
public class HubAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(HubAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BrowserSessions sessions;

    @Inject
    HubMetrics metrics;

    @Inject
    BearerTokens tokens;

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (AccessLog.enabled()) {
            response.setHeader(AccessLog.REQUEST_ID_HEADER, AccessLog.begin(request));
        }
        AuthenticationStatus status;
        try {
            status = authenticate(request, response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status == AuthenticationStatus.SEND_FAILURE) {
            // No filter sees a request refused here: its access log line is written now.
            AccessLog.refused(request, response);
        }
        return status;
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) throws IOException {
        String authorization = request.getHeader("Authorization");
        if (AlternateSyntaxForm.applies(request.getMethod(), request.getQueryString(), request.getContentType())) {
            Optional<byte[]> form = readForm(request, response);
            if (form.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.setAttribute(AlternateSyntaxForm.BODY_ATTRIBUTE, form.get());
            String fromForm = AlternateSyntaxForm.parse(form.get()).authorization();
            authorization = fromForm != null ? fromForm : authorization;
        }
        if (authorization == null && hasSessionCookie(request)) {
            return fromSession(request, response, context);
        }
        Optional<String> bearer = bearer(authorization);
        if (bearer.isPresent() && adminApi(request)) {
            return fromToken(bearer.get(), request, response, context);
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            new Refusal(401, "Authorization", "HTTP Basic credentials are required")
                    .send(request, response, challenges(request));
            return AuthenticationStatus.SEND_FAILURE;
        }
        String user = credentials.get().username();
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.retryAfter(user, address);
        if (wait.isPresent()) {
            metrics.loginFailed(LoginFailure.THROTTLED);
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            new Refusal(429, "Authorization", "too many failed sign-ins for this user or address; retry later")
                    .send(request, response, false);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new UsernamePasswordCredential(user, credentials.get().password()));
        } catch (SignInBusy busy) {
            response.setHeader("Retry-After", "1");
            new Refusal(503, "Authorization", busy.getMessage()).send(request, response, false);
            return AuthenticationStatus.SEND_FAILURE;
        } catch (RuntimeException e) {
            // The credential could not be checked: no verdict on it, as any request during an outage.
            return databaseRefusal(e, request, response);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(user, address);
            // Which store the name belongs to is not told; the URL says which kind of caller this claims to be.
            metrics.loginFailed(Refusal.isXapi(request) ? LoginFailure.CREDENTIAL : LoginFailure.PASSWORD);
            LOG.fine(() -> "Refused credentials for '" + user + "' from " + address);
            new Refusal(401, "Authorization", "the credentials are not valid")
                    .send(request, response, challenges(request));
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(user);
        if (result.getCallerPrincipal() instanceof LrsCaller caller) {
            request.setAttribute(LrsPrincipal.REQUEST_ATTRIBUTE, caller.lrs());
        }
        if (result.getCallerPrincipal() instanceof AdminCaller admin) {
            request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, admin);
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Whether a 401 carries the Basic challenge. Not for a page's own script ({@code X-Requested-With:
     * XMLHttpRequest}, as the dashboard sends): a browser answers a challenge to a script's request with its
     * password dialog, where the page wants to send the person to the sign-in page instead.
     */
    private static boolean challenges(HttpServletRequest request) {
        return !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> BrowserSessions.COOKIE.equals(c.getName()));
    }

    /**
     * A person signed in through the identity provider: the session cookie instead of Basic credentials (a
     * request with an Authorization header is judged on it alone, so scripts are never affected by a cookie).
     * An ended session is a 401 without a Basic challenge, which would make a browser ask for a password.
     */
    private AuthenticationStatus fromSession(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) throws IOException {
        SessionCheck check;
        try {
            check = sessions.check(request);
        } catch (RuntimeException e) {
            return databaseRefusal(e, request, response);
        }
        switch (check.verdict()) {
            case VALID -> {
                AdminCaller caller = check.session().caller();
                request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, caller);
                request.setAttribute(SessionCheck.SignedIn.REQUEST_ATTRIBUTE, check.session());
                return context.notifyContainerAboutLogin(caller, Set.of(caller.role()));
            }
            case CSRF_REFUSED -> {
                new Refusal(403, BrowserSessions.CSRF_HEADER, "a request that changes anything in a signed-in "
                        + "session must carry the session's CSRF token (GET /admin/api/session)")
                        .send(request, response, false);
                return AuthenticationStatus.SEND_FAILURE;
            }
            default -> {
                metrics.loginFailed(LoginFailure.SESSION);
                response.addHeader("Set-Cookie", BrowserSessions.COOKIE
                        + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax");
                new Refusal(401, BrowserSessions.COOKIE, "the session has ended or is not valid; sign in again at /signin")
                        .send(request, response, false);
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
    }

    /** The credentials of {@code Authorization: Bearer …}, if that is the scheme (case-insensitive, RFC 9110). */
    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    /**
     * Personal API tokens are administrator credentials on the admin API only: anywhere else (the LRS) a bearer
     * token is answered like any credentials that are not HTTP Basic. This narrows which credentials are read, never
     * who may pass; it reads the path as the container decoded and normalised it for its constraints.
     */
    private static boolean adminApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/admin/api/");
    }

    /**
     * A script with a personal API token: the account's current role and trust. Not a browser session, so no CSRF
     * token (a browser never adds an Authorization header of its own accord). No Basic challenge on refusal.
     */
    private AuthenticationStatus fromToken(String token, HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) throws IOException {
        Optional<AdminCaller> caller;
        try {
            caller = tokens.caller(token);
        } catch (RuntimeException e) {
            return databaseRefusal(e, request, response);
        }
        if (caller.isEmpty()) {
            metrics.loginFailed(LoginFailure.API_TOKEN);
            LOG.fine(() -> "Refused an API token from " + request.getRemoteAddr());
            new Refusal(401, "Authorization", "the API token is not valid, has expired or was revoked")
                    .send(request, response, false);
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, caller.get());
        return context.notifyContainerAboutLogin(caller.get(), Set.of(caller.get().role()));
    }

    /** The database cannot be used right now: no verdict on the caller, and no fault of ours: 503. */
    private static AuthenticationStatus databaseRefusal(RuntimeException e, HttpServletRequest request,
                                                        HttpServletResponse response) throws IOException {
        Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
        if (failure.isEmpty()) {
            throw e;
        }
        DatabaseOutage.INSTANCE.refused(failure.get(), e);
        response.setHeader("Retry-After", Integer.toString(UnexpectedErrorMapper.RETRY_AFTER_SECONDS));
        new Refusal(503, null, failure.get().rule()).send(request, response, false);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The whole form, or empty once a refusal is sent: only a declared length within the limit is read. */
    private static Optional<byte[]> readForm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long length = request.getContentLengthLong();
        int max = AlternateSyntaxForm.maxBytes();
        if (length < 0) {
            new Refusal(411, "Content-Length", "an alternate-syntax form must declare its length")
                    .send(request, response, false);
            return Optional.empty();
        }
        if (length > max) {
            new Refusal(413, "content", "an alternate-syntax form may hold at most " + max + " bytes ("
                    + AlternateSyntaxForm.LIMIT_KEY + ")").send(request, response, false);
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        return Optional.of(body);
    }
}
