package org.learninghub.connect.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealingKeyTest {

    static final RSAKey KEY = generate("k1");
    static final KeySecret SECRET = new KeySecret("test", "a generated secret of enough length 0123456789", true);

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSealedKeyIsAnEncryptedJweThatOpensWithTheSameDerivation() {
        SealingKey key = SealingKey.fresh(SECRET, new SecureRandom());
        String sealed = key.seal(KEY);
        assertEquals(5, sealed.split("\\.", -1).length);
        assertFalse(sealed.contains(KEY.getPrivateExponent().toString()), "the private exponent must not be readable");
        assertEquals(KEY, SealingKey.derive(SECRET, key.salt(), key.iterations()).open(sealed));
    }

    @Test
    void anotherSecretOrSaltNeitherOpensTheKeyNorTheCheckValue() {
        SealingKey key = SealingKey.fresh(SECRET, new SecureRandom());
        String sealed = key.seal(KEY);
        String check = key.checkValue();
        assertTrue(key.opens(check));
        SealingKey otherSecret = SealingKey.derive(new KeySecret("other", "another generated secret 0123456789abcdef", true),
                key.salt(), key.iterations());
        SealingKey otherSalt = SealingKey.fresh(SECRET, new SecureRandom());
        assertNotEquals(key.salt(), otherSalt.salt());
        for (SealingKey wrong : new SealingKey[] {otherSecret, otherSalt}) {
            assertFalse(wrong.opens(check));
            assertThrows(IllegalStateException.class, () -> wrong.open(sealed));
        }
    }

    @Test
    void anOperatorSecretIsStretchedHarderThanAGeneratedOne() {
        assertEquals(KeySecret.OPERATOR_ITERATIONS, new KeySecret("op", "correct horse battery staple", false).iterations());
        assertEquals(KeySecret.GENERATED_ITERATIONS, SECRET.iterations());
        assertTrue(KeySecret.OPERATOR_ITERATIONS >= 600_000);
        assertFalse(SECRET.toString().contains(SECRET.value()), "a secret never shows in logs");
    }
}
