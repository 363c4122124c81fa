package org.learninghub.connect.hub.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link LoginThrottle} of this node, shared by every way a password is tried (HTTP Basic on the API,
 * the sign-in form), so a guesser gets one budget however it sends its guesses.
 */
@ApplicationScoped
public class LoginThrottles {

    /** Failed sign-ins a client address may make before each further one is slowed (hub.login.address-failures). */
    @Inject
    @ConfigProperty(name = "hub.login.address-failures", defaultValue = "20")
    int addressFailures;

    // @Singleton, not a normal scope: LoginThrottle is final, so it cannot be proxied.
    @Produces
    @Singleton
    LoginThrottle throttle() {
        if (addressFailures < 1 || addressFailures > 1_000_000) {
            throw new IllegalStateException("hub.login.address-failures must be between 1 and 1000000, not "
                    + addressFailures);
        }
        return new LoginThrottle(Clock.systemUTC(), addressFailures);
    }
}
