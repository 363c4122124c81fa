package org.learninghub.connect.hub.security;

import java.util.Optional;

/**
 * Administrators' personal API tokens as the authentication mechanism sees them: the caller a token acts as, if it
 * is live. Implemented by the token feature ({@code hub.token}), so this package does not depend on it.
 */
public interface BearerTokens {

    /** The account's caller (current role and trust) for a live token of an enabled account; empty otherwise. */
    Optional<AdminCaller> caller(String token);
}
