package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens keys sealed by earlier versions ({@code protection = 'JWE_A256GCM'}: direct AES-256-GCM under the
 * SHA-256 of the secret, no salt, no stretching). Only read, to re-seal them under a {@link SealingKey}.
 */
final class LegacySealing {

    private LegacySealing() {
    }

    /** The key if this secret sealed it. */
    static Optional<RSAKey> open(String sealed, KeySecret secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.value().getBytes(StandardCharsets.UTF_8));
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(new SecretKeySpec(digest, "AES")));
            return Optional.of(RSAKey.parse(jwe.getPayload().toJSONObject()));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
