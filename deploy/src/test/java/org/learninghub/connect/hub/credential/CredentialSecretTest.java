package org.learninghub.connect.hub.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialSecretTest {

    @Test
    void aSecretMatchesOnlyItsOwnHash() {
        String secret = CredentialSecret.newSecret();
        String hash = CredentialSecret.hash(secret);
        assertTrue(CredentialSecret.matches(secret, hash));
        assertFalse(CredentialSecret.matches(secret + "x", hash));
        assertFalse(CredentialSecret.matches(CredentialSecret.newSecret(), hash));
    }

    @Test
    void secretsCarry256RandomBitsAndDiffer() {
        String a = CredentialSecret.newSecret();
        assertEquals(43, a.length(), "32 bytes in unpadded base64url");
        assertNotEquals(a, CredentialSecret.newSecret());
        assertNotEquals(CredentialSecret.newKey(), CredentialSecret.newKey());
    }

    @Test
    void theHashIsNotTheSecret() {
        String secret = CredentialSecret.newSecret();
        assertFalse(CredentialSecret.hash(secret).contains(secret));
        assertEquals(64, CredentialSecret.hash(secret).length());
    }
}
