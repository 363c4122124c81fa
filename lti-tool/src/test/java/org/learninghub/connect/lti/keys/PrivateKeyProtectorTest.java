package org.learninghub.connect.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateKeyProtectorTest {

    static final RSAKey KEY = generate();

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withASecretTheStoredFormIsEncryptedAndOpensAgain() {
        PrivateKeyProtector protector = new PrivateKeyProtector(Optional.of("a long random operator secret"));
        String stored = protector.seal(KEY);
        assertEquals(PrivateKeyProtector.ENCRYPTED, protector.protection());
        assertFalse(stored.contains(KEY.getPrivateExponent().toString()), "the private exponent must not be readable");
        assertEquals(KEY, protector.open(stored, protector.protection()));
    }

    @Test
    void theWrongSecretCannotOpenAKey() {
        String stored = new PrivateKeyProtector(Optional.of("secret one")).seal(KEY);
        PrivateKeyProtector other = new PrivateKeyProtector(Optional.of("secret two"));
        assertThrows(IllegalStateException.class, () -> other.open(stored, PrivateKeyProtector.ENCRYPTED));
    }

    @Test
    void withoutASecretKeysAreStoredAsPlainJwk() {
        PrivateKeyProtector protector = new PrivateKeyProtector(Optional.empty());
        assertEquals(PrivateKeyProtector.PLAIN, protector.protection());
        assertEquals(KEY, protector.open(protector.seal(KEY), PrivateKeyProtector.PLAIN));
    }

    @Test
    void encryptedKeysNeedTheSecretToBeSet() {
        String stored = new PrivateKeyProtector(Optional.of("secret")).seal(KEY);
        assertThrows(IllegalStateException.class,
                () -> new PrivateKeyProtector(Optional.empty()).open(stored, PrivateKeyProtector.ENCRYPTED));
    }
}
