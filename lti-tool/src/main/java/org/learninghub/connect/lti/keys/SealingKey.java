package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals tool private keys at rest, derived from a secret with PBKDF2-HMAC-SHA256 under a
 * per-installation random salt. A sealed key is a compact JWE ({@code dir}, {@code A256GCM}): authenticated,
 * so a wrong key fails rather than yielding garbage. Derivation is deliberately slow for an operator's secret
 * and happens once per process; sealing and opening are fast.
 */
public final class SealingKey {

    public static final String KDF = "PBKDF2-HMAC-SHA256";
    static final int SALT_BYTES = 16;
    /** What the check value seals: proves a key is the one the installation uses, without any tool key. */
    private static final String CHECK_TEXT = "learning-hub-connect tool key protection";

    private final Base64URL salt;
    private final int iterations;
    private final SecretKey key;

    private SealingKey(Base64URL salt, int iterations, SecretKey key) {
        this.salt = salt;
        this.iterations = iterations;
        this.key = key;
    }

    /** A key for sealing anew: a fresh random salt and the secret's iteration count. */
    public static SealingKey fresh(KeySecret secret, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return derive(secret, Base64URL.encode(salt), secret.iterations());
    }

    /** The key a secret gives under stored parameters. */
    public static SealingKey derive(KeySecret secret, Base64URL salt, int iterations) {
        if (iterations < 1 || iterations > 10_000_000) {
            throw new IllegalArgumentException("implausible iteration count " + iterations);
        }
        char[] password = secret.value().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(password, salt.decode(), iterations, 256);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SealingKey(salt, iterations, new SecretKeySpec(derived, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }

    public Base64URL salt() {
        return salt;
    }

    public int iterations() {
        return iterations;
    }

    /** The sealed form of a private key; its kid travels in the JWE header. */
    public String seal(RSAKey privateKey) {
        return encrypt(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(privateKey.getKeyID()).build(),
                new Payload(privateKey.toJSONObject()));
    }

    /** The private key from its sealed form; an {@link IllegalStateException} if this key did not seal it. */
    public RSAKey open(String sealed) {
        try {
            return RSAKey.parse(decrypt(sealed).toJSONObject());
        } catch (ParseException e) {
            throw new IllegalStateException("a sealed tool key is not a JWK", e);
        }
    }

    /** The sealed form of another secret kept at rest (an LTI 1.1 shared secret), under the same key as the tool keys. */
    public String sealText(String secret) {
        return encrypt(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(secret));
    }

    /** A secret from {@link #sealText}; an {@link IllegalStateException} if this key did not seal it. */
    public String openText(String sealed) {
        return decrypt(sealed).toString();
    }

    /** The value stored beside the salt, proving later which key the installation's keys are sealed under. */
    public String checkValue() {
        return encrypt(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(CHECK_TEXT));
    }

    /** True if this key made the check value (so it opens every key sealed with it). */
    public boolean opens(String checkValue) {
        try {
            return CHECK_TEXT.equals(decrypt(checkValue).toString());
        } catch (IllegalStateException wrongKey) {
            return false;
        }
    }

    private String encrypt(JWEHeader header, Payload payload) {
        try {
            JWEObject jwe = new JWEObject(header, payload);
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a tool key", e);
        }
    }

    private Payload decrypt(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                throw new IllegalStateException("a sealed tool key uses an unexpected algorithm");
            }
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("this secret did not seal the stored tool key", e);
        }
    }
}
