package org.learninghub.connect.lti.login;

import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;

/** Unguessable tokens for state, nonce and one-time proofs: 256 random bits, base64url. */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }
}
