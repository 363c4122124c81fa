package org.learninghub.connect.lti.registration.dynamic;

import jakarta.ws.rs.core.Response.Status;
import org.learninghub.connect.lti.page.LtiProblem;

/**
 * A dynamic registration that cannot go on, shown to the LMS administrator as an error page: the link is
 * unknown, used or expired (4xx), or the platform's configuration or answer is unusable (502, the platform's
 * fault). The message names the rule; it never repeats a token.
 */
public final class RegistrationFailure extends LtiProblem {

    private RegistrationFailure(Status status, String reason) {
        super(status, reason);
    }

    /** The registration link does not let this registration happen. */
    public static RegistrationFailure link(Status status, String reason) {
        return new RegistrationFailure(status, reason);
    }

    /** The request the LMS sent to the registration URL is incomplete. */
    static RegistrationFailure request(String reason) {
        return new RegistrationFailure(Status.BAD_REQUEST, reason);
    }

    /** The platform's configuration or answer breaks a rule of Dynamic Registration 1.0. */
    static RegistrationFailure platform(String reason) {
        return new RegistrationFailure(Status.BAD_GATEWAY, "The platform's registration data is not usable: " + reason);
    }

    /** The Hub refused to store the registration (e.g. this issuer and client_id are registered already). */
    public static RegistrationFailure refused(String reason) {
        return new RegistrationFailure(Status.CONFLICT, reason);
    }
}
