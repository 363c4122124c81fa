package org.learninghub.connect.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.login.LoginState;
import org.learninghub.connect.lti.login.LoginStates;
import org.learninghub.connect.lti.login.Randoms;
import org.learninghub.connect.lti.login.StateCookie;
import org.learninghub.connect.lti.login.StoragePages;
import org.learninghub.connect.lti.page.FrameAncestors;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;
import org.learninghub.connect.lti.registration.ToolEndpoints;

/**
 * {@code POST /lti/launch}: the redirect URI the platform form-posts the id_token to (Security Framework
 * §5.1.1.3). First the state must be bound to this browser, by the login's cookie or by platform storage;
 * then {@link LaunchValidation}; then a resource link goes to the {@link LaunchHandler} and a deep linking
 * request to the picker.
 */
@Path("lti/launch")
@ApplicationScoped
public class LaunchResource {

    @Inject
    LoginStates states;

    @Inject
    LaunchValidation validation;

    @Inject
    LaunchHandler handler;

    @Inject
    DeepLinkingRequestHandler picker;

    @Inject
    RegistrationStore registrations;

    @Inject
    ToolEndpoints endpoints;

    @Inject
    FrameAncestors frameAncestors;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam("lti_storage_proof") String storageProof,
                           @FormParam("error") String error, @FormParam("error_description") String errorDescription,
                           @Context HttpHeaders headers) {
        // OIDC Core §3.1.2.6: the platform may answer with an error instead of a token.
        if (error != null && !error.isBlank()) {
            throw LtiProblem.badRequest("The platform refused the login: " + error
                    + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        }
        if (idToken == null || idToken.isBlank() || state == null || state.isBlank()) {
            throw LtiProblem.badRequest("The launch has no id_token or no state.");
        }
        LoginState login = states.find(state, Instant.now()).orElseThrow(() -> LtiProblem.badRequest(
                "No login started this launch (unknown, expired or already used state)."));
        PlatformRegistration registration = registrations.findById(login.registrationId())
                .orElseThrow(() -> LtiProblem.badRequest("The platform registration is gone."));
        frameAncestors.allow(registration);
        if (!boundToBrowser(login, registration, headers, storageProof)) {
            if (offersPlatformStorage(login, registration) && storageProof == null) {
                return storageCheck(login, registration, idToken);
            }
            throw LtiProblem.unauthorized("This launch's state does not belong to this browser.");
        }
        LaunchContext launch = validation.validate(login, registration, idToken);
        Response response = LtiClaims.DEEP_LINKING_REQUEST.equals(launch.messageType())
                ? picker.show(launch)
                : handler.handle(launch);
        return Response.fromResponse(response)
                .header("Set-Cookie", StateCookie.clear(state))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Security Framework §5.1.1.3 / §7.3.1: the state must come back with the browser that started the login. */
    private static boolean boundToBrowser(LoginState login, PlatformRegistration registration, HttpHeaders headers,
                                          String storageProof) {
        Cookie cookie = headers.getCookies().get(LoginState.cookieName(login.state()));
        if (cookie != null && login.state().equals(cookie.getValue())) {
            return true;
        }
        // Client Side postMessages: the proof was issued to the page that read the state from platform storage.
        return storageProof != null && offersPlatformStorage(login, registration)
                && login.storageProof().map(storageProof::equals).orElse(false);
    }

    /**
     * The storage path is open only when the registration declares platform storage (an administrator's
     * decision, checked again now in case it was withdrawn since the login) and the login named the frame.
     */
    private static boolean offersPlatformStorage(LoginState login, PlatformRegistration registration) {
        return registration.platformStorage() && login.storageTarget().isPresent();
    }

    /** No cookie came back, but the platform offers storage: ask the browser to prove the state from there. */
    private Response storageCheck(LoginState login, PlatformRegistration registration, String idToken) {
        String proof = Randoms.token();
        if (!states.setStorageProof(login.state(), proof)) {
            throw LtiProblem.unauthorized("This launch's state does not belong to this browser.");
        }
        return Response.ok(StoragePages.checkState(login.storageTarget().orElseThrow(), registration.authLoginUrl(),
                        endpoints.urls().redirectUrl(), idToken, login.state(), proof),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
