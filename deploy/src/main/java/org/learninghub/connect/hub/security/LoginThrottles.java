package org.learninghub.connect.hub.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one {@link LoginThrottle} of this node, shared by every way a password is tried (HTTP Basic on the API,
 * the sign-in form), so a guesser gets one budget however it sends its guesses.
 */
@ApplicationScoped
public class LoginThrottles {

    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());

    // @Singleton, not a normal scope: LoginThrottle is final, so it cannot be proxied.
    @Produces
    @Singleton
    LoginThrottle throttle() {
        return throttle;
    }
}
