package org.learninghub.connect.hub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;

class PasswordRulesTest {

    @Test
    void refusalsNameTheFieldAndTheRule() {
        for (String bad : new String[] {"", "short", "aaaaaaaaaaaaaaaa", "é".repeat(36), "tab\there-and-more", "my alice password"}) {
            HubProblem p = assertThrows(HubProblem.class, () -> PasswordRules.check("password", bad, "alice"), bad);
            assertEquals("password", p.field());
        }
    }

    @Test
    void aLongEnoughVariedPasswordWithinBcryptsBytesIsAccepted() {
        String ok = "correct horse battery staple, 71 bytes at most ok ok ok ok ok ok ok ok!";
        assertEquals(71, ok.length());
        assertEquals(ok, PasswordRules.check("password", ok, "alice"));
        // and bcrypt takes it whole
        assertEquals(true, PasswordHasher.matches(ok, PasswordHasher.hash(ok)));
        assertEquals("password", assertThrows(HubProblem.class,
                () -> PasswordRules.check("password", ok + "?", "alice")).field(), "72 bytes are refused");
    }
}
