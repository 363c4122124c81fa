package org.learninghub.connect.lti.migration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code oauth_consumer_key_sign} of the LTI 1.1 migration claim (LTI 1.3 Core, "LTI 1.1 migration claim";
 * 1EdTech LTI 1.1 Migration guide): base64 of HMAC-SHA256, keyed with the UTF-8 bytes of the LTI 1.1 shared
 * secret, over the UTF-8 bytes of
 * {@code oauth_consumer_key & deployment_id & iss & client_id & exp & nonce}: the six values joined by
 * {@code &} as they are, without encoding, {@code exp} in whole seconds. It proves that whoever signed
 * the 1.3 launch also holds the 1.1 secret, so the 1.1 identity in the claim is the platform's word.
 */
public final class Lti1p1Signature {

    private Lti1p1Signature() {
    }

    public static String baseString(String consumerKey, String deploymentId, String issuer, String clientId,
                                    long expiresEpochSeconds, String nonce) {
        return String.join("&", consumerKey, deploymentId, issuer, clientId, Long.toString(expiresEpochSeconds), nonce);
    }

    public static String sign(String baseString, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code signature} is the signature of the base string; compared in constant time. */
    public static boolean verifies(String signature, String baseString, String secret) {
        if (signature == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(baseString, secret).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
