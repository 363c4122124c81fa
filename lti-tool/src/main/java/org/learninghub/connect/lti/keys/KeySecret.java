package org.learninghub.connect.lti.keys;

import java.util.Objects;

/**
 * A secret the tool's private keys are (or were) sealed under, and where it came from, for log messages
 * that tell an operator which setting to change. Never logged itself.
 *
 * @param source    the setting or file it came from, e.g. {@code hub.keys.secret (HUB_KEYS_SECRET)}
 * @param generated true for a random 256-bit value the Hub generated itself: stretching it adds nothing,
 *                  so it is derived with {@link #GENERATED_ITERATIONS}; an operator's secret may be a
 *                  guessable phrase and gets {@link #OPERATOR_ITERATIONS}
 */
public record KeySecret(String source, String value, boolean generated) {

    /** PBKDF2-HMAC-SHA256 iterations for an operator's secret (OWASP password storage guidance, 2023). */
    public static final int OPERATOR_ITERATIONS = 600_000;
    /** For a generated 256-bit random secret: NIST SP 800-132's minimum; its strength is its entropy. */
    public static final int GENERATED_ITERATIONS = 1_000;

    public KeySecret {
        Objects.requireNonNull(source, "source");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + " is empty");
        }
    }

    /** Iterations for sealing keys anew under this secret. */
    public int iterations() {
        return generated ? GENERATED_ITERATIONS : OPERATOR_ITERATIONS;
    }

    @Override
    public String toString() {
        return "KeySecret[" + source + "]";
    }
}
