package org.learninghub.connect.lti.login;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login promised the launch that follows it: the state and nonce sent to the platform, the
 * registration the login was for, the target the platform named, and, for browsers without cookies, the
 * platform storage frame that holds the state.
 */
public record LoginState(String state, String nonce, long registrationId, URI targetLinkUri,
                         Optional<String> storageTarget, Optional<String> storageProof, Instant expires) {

    public LoginState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(targetLinkUri, "targetLinkUri");
        storageTarget = Objects.requireNonNullElse(storageTarget, Optional.empty());
        storageProof = Objects.requireNonNullElse(storageProof, Optional.empty());
        Objects.requireNonNull(expires, "expires");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }

    /** The cookie that binds the state to the browser that started the login. */
    public static String cookieName(String state) {
        return "lti_state_" + state;
    }
}
