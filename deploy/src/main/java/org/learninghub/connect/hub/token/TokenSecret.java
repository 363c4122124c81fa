package org.learninghub.connect.hub.token;

import org.learninghub.connect.hub.security.Secrets;

/** A token's value (a recognisable prefix and 256 random bits) and the SHA-256 it is stored as. */
final class TokenSecret {

    /** Lets a leaked token be recognised by secret scanners and tells it apart from a password. */
    static final String PREFIX = "lhc_";
    /** The prefix and 43 base64url characters; anything longer is no token of ours and is not hashed. */
    static final int LENGTH = PREFIX.length() + 43;

    private TokenSecret() {
    }

    static String newToken() {
        return PREFIX + Secrets.random();
    }

    static boolean looksLikeToken(String value) {
        return value != null && value.length() == LENGTH && value.startsWith(PREFIX);
    }

    static String hash(String token) {
        return Secrets.hash(token);
    }
}
