package org.learninghub.connect.lti.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.lti.page.FrameAncestors;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;
import org.learninghub.connect.lti.registration.ToolEndpoints;
import org.learninghub.connect.lti.settings.LtiSettings;

/** Checks a login initiation against the registrations and starts the OIDC flow with a fresh state and nonce. */
@ApplicationScoped
public class LoginInitiation {

    @Inject
    RegistrationStore registrations;

    @Inject
    LoginStates states;

    @Inject
    ToolEndpoints endpoints;

    @Inject
    LtiSettings settings;

    @Inject
    FrameAncestors frameAncestors;

    /**
     * A started login: the state row (with the platform storage frame, only if the registration offers
     * platform storage) and the request to send the browser to.
     */
    public record Started(LoginState state, AuthenticationRequest request) {
    }

    public Started start(LoginRequest login) {
        PlatformRegistration registration = registrationFor(login);
        // Security Framework §5.1.1.1: the tool must check target_link_uri; only our own pages (no open redirect).
        if (!endpoints.isOwn(login.targetLinkUri())) {
            throw LtiProblem.badRequest("target_link_uri is not a page of this tool.");
        }
        // LTI Core §4.1: lti_deployment_id, when sent, names a deployment the platform registered.
        if (login.deploymentId().isPresent() && !registration.allowsDeployment(login.deploymentId().get())) {
            throw LtiProblem.badRequest("The deployment " + login.deploymentId().get()
                    + " is not registered for this platform.");
        }
        // Platform storage only where the registration declares it: the login request merely names the frame.
        // Otherwise whoever starts a login could obtain a storage proof for a launch posted in another browser.
        Optional<String> storageTarget = registration.platformStorage() ? login.storageTarget() : Optional.empty();
        Instant now = Instant.now();
        LoginState state = new LoginState(Randoms.token(), Randoms.token(), registration.id(),
                login.targetLinkUri(), storageTarget, Optional.empty(), now.plus(settings.loginTtl()));
        states.purgeExpired(now);
        states.add(state, now);
        return new Started(state, new AuthenticationRequest(registration.authLoginUrl(), registration.clientId(),
                endpoints.urls().redirectUrl(), login.loginHint(), login.ltiMessageHint(), state.state(),
                state.nonce()));
    }

    private PlatformRegistration registrationFor(LoginRequest login) {
        PlatformRegistration registration;
        if (login.clientId().isPresent()) {
            registration = registrations.find(login.issuer(), login.clientId().get())
                    .orElseThrow(() -> LtiProblem.badRequest("No platform is registered with issuer "
                            + login.issuer() + " and client_id " + login.clientId().get() + "."));
        } else {
            // Without client_id the issuer must identify one registration (LTI Core §4.1: client_id is optional).
            List<PlatformRegistration> candidates = registrations.findByIssuer(login.issuer());
            if (candidates.size() != 1) {
                throw LtiProblem.badRequest(candidates.isEmpty()
                        ? "No platform is registered with issuer " + login.issuer() + "."
                        : "Several registrations share issuer " + login.issuer() + "; the login must send client_id.");
            }
            registration = candidates.get(0);
        }
        frameAncestors.allow(registration);
        if (!registration.active()) {
            throw new LtiProblem(jakarta.ws.rs.core.Response.Status.FORBIDDEN,
                    "The registration of this platform is disabled.");
        }
        return registration;
    }
}
