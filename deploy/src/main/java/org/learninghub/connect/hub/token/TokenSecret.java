package org.learninghub.connect.hub.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A token's value (a recognisable prefix and 256 random bits) and the SHA-256 it is stored as. */
final class TokenSecret {

    /** Lets a leaked token be recognised by secret scanners and tells it apart from a password. */
    static final String PREFIX = "lhc_";
    /** The prefix and 43 base64url characters; anything longer is no token of ours and is not hashed. */
    static final int LENGTH = PREFIX.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksLikeToken(String value) {
        return value != null && value.length() == LENGTH && value.startsWith(PREFIX);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
