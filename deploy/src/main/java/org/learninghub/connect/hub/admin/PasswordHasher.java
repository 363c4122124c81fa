package org.learninghub.connect.hub.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt for passwords people choose: slow on purpose, salted, self-describing hash strings. */
public final class PasswordHasher {

    /** Cost 12: about a quarter of a second here, acceptable for an administrator's request. */
    static final int COST = 12;

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException unusable) {
            // e.g. a password over bcrypt's 72 bytes: it cannot match any stored hash.
            return false;
        }
    }
}
