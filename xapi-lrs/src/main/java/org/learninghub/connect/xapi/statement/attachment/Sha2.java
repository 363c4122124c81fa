package org.learninghub.connect.xapi.statement.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The SHA-2 functions an attachment may be named by (1.0.3 Data §2.4.11: {@code sha2} and the part header
 * {@code X-Experience-API-Hash}). A hex digest does not say which function made it; its length does.
 */
public enum Sha2 {
    SHA_224("SHA-224", 56), SHA_256("SHA-256", 64), SHA_384("SHA-384", 96), SHA_512("SHA-512", 128);

    private final String algorithm;
    private final int hexLength;

    Sha2(String algorithm, int hexLength) {
        this.algorithm = algorithm;
        this.hexLength = hexLength;
    }

    /** The function whose digests are this long, if the value is hex digits only. */
    public static Optional<Sha2> ofHex(String hex) {
        if (hex == null || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.hexLength == hex.length()).findFirst();
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }

    /** Lower-case hex, the form attachments are stored and matched under. */
    public static String hex(MessageDigest finished) {
        return HexFormat.of().formatHex(finished.digest());
    }

    public static String normalise(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return algorithm;
    }
}
