package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomValuesAre256BitsBase64url() {
        String a = Secrets.random();
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
        assertNotEquals(a, Secrets.random());
    }

    /** RFC 7636 Appendix B's example. */
    @Test
    void pkceChallengeIsS256OfTheVerifier() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Secrets.pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void hashIsHexSha256AndSameComparesExactly() {
        assertEquals(64, Secrets.hash("x").length());
        assertTrue(Secrets.same("abc", "abc"));
        assertFalse(Secrets.same("abc", "abd"));
        assertFalse(Secrets.same("abc", null));
        assertFalse(Secrets.same(null, null));
    }
}
