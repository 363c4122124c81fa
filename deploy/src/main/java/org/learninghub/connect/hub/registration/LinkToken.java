package org.learninghub.connect.hub.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a registration link's token. The token carries 256 random bits, so one SHA-256 is
 * enough (nothing to stretch): a copy of the database does not give anyone a working link.
 */
final class LinkToken {

    private LinkToken() {
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
