package org.learninghub.connect.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.learninghub.connect.lti.login.LoginState;
import org.learninghub.connect.lti.migration.Lti1p1Migration;
import org.learninghub.connect.lti.login.LoginStates;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * Turns a launch whose state is bound to this browser into a {@link LaunchContext}: verifies the id_token
 * against the registration the login was for, uses the nonce up, checks the LTI claims, uses the state up.
 * Nothing is handed on unless every step passed.
 */
@ApplicationScoped
public class LaunchValidation {

    /** Used nonces are kept this long past the token's expiry (beyond the skew), then purged. */
    static final long NONCE_KEEP_EXTRA_SECONDS = 300;

    @Inject
    LoginStates states;

    @Inject
    PlatformKeySources keySources;

    @Inject
    UsedNonces nonces;

    @Inject
    LtiSettings settings;

    @Inject
    Lti1p1Migration migration;

    /** Validates a launch of the login's registration, as read for this request. */
    public LaunchContext validate(LoginState login, PlatformRegistration registration, String idToken) {
        Instant now = Instant.now();
        if (login.isExpired(now)) {
            throw LtiProblem.badRequest("The login for this launch expired; start again from your platform.");
        }
        if (registration.id() != login.registrationId() || !registration.active()) {
            throw LtiProblem.badRequest("The platform registration is no longer active.");
        }
        JWTClaimsSet claims = new IdTokenVerifier(settings.clockSkewSeconds(), Clock.systemUTC())
                .verify(idToken, registration, keySources.forRegistration(registration), login.nonce());
        // OIDC Core §3.1.3.7 rule 11, Security Framework §5.1.3: the nonce is single-use, across nodes and restarts.
        Instant keepUntil = claims.getExpirationTime().toInstant()
                .plusSeconds(settings.clockSkewSeconds() + NONCE_KEEP_EXTRA_SECONDS);
        if (!nonces.firstUse(registration.issuer(), login.nonce(), keepUntil, now)) {
            throw LtiProblem.unauthorized("The id_token's nonce was already used (replay).");
        }
        // The nonce is used up even if the LTI claims fail next, so the state (bound to it) cannot serve again.
        LaunchContext launch = new LaunchClaimsValidator().validate(claims, registration, login.targetLinkUri());
        // Security Framework §5.1.1.3: a state is good for one launch; whoever deletes it first owns it.
        if (!states.take(login.state())) {
            throw LtiProblem.badRequest("This launch's state was already used.");
        }
        // LTI 1.1 migration: links accounts only when the claim's signature verifies; never fails the launch.
        return migration.apply(launch, claims, registration, login.nonce());
    }
}
