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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects tool private keys at rest. With a secret ({@code hub.keys.secret}), the private JWK is stored as
 * a JWE (direct AES-256-GCM, key = SHA-256 of the secret), so a database dump alone does not reveal it.
 * Without a secret it is stored as plain JSON and only the database's own access control protects it.
 */
public final class PrivateKeyProtector {

    public static final String ENCRYPTED = "JWE_A256GCM";
    public static final String PLAIN = "NONE";

    private final Optional<SecretKey> key;

    public PrivateKeyProtector(Optional<String> secret) {
        this.key = secret.map(PrivateKeyProtector::deriveKey);
    }

    public String protection() {
        return key.isPresent() ? ENCRYPTED : PLAIN;
    }

    /** The stored form of a private key, under {@link #protection()}. */
    public String seal(RSAKey privateKey) {
        if (key.isEmpty()) {
            return privateKey.toJSONString();
        }
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(privateKey.getKeyID()).build(), new Payload(privateKey.toJSONObject()));
            jwe.encrypt(new DirectEncrypter(key.get()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt a tool key", e);
        }
    }

    /** The private key from its stored form. */
    public RSAKey open(String stored, String protection) {
        try {
            if (PLAIN.equals(protection)) {
                return RSAKey.parse(stored);
            }
            SecretKey secret = key.orElseThrow(() -> new IllegalStateException(
                    "tool keys are encrypted but hub.keys.secret is not set"));
            JWEObject jwe = JWEObject.parse(stored);
            jwe.decrypt(new DirectDecrypter(secret));
            return RSAKey.parse(jwe.getPayload().toJSONObject());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read a stored tool key (wrong hub.keys.secret?)", e);
        }
    }

    private static SecretKey deriveKey(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
