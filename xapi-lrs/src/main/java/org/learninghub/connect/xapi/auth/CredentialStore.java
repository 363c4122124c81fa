package org.learninghub.connect.xapi.auth;

import java.util.Optional;

/**
 * Where LRS credentials live. The deploying application implements it (credentials belong to its
 * tenants); the LRS only asks whether a key and secret prove a principal.
 */
public interface CredentialStore {

    /** The principal these HTTP Basic credentials prove, or empty if unknown, revoked or wrong. */
    Optional<LrsPrincipal> authenticate(String key, String secret);
}
