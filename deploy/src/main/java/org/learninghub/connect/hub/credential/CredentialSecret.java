package org.learninghub.connect.hub.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making LRS keys and secrets, and checking a secret against its stored hash. */
final class CredentialSecret {

    static final int KEY_BYTES = 12;
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialSecret() {
    }

    static String newKey() {
        return HexFormat.of().formatHex(random(KEY_BYTES));
    }

    static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(SECRET_BYTES));
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Constant-time, so response timing tells nothing about how much of a guess was right. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
