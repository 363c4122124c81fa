package org.learninghub.connect.hub.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.xapi.auth.Scope;

class NewCredentialTest {

    @Test
    void scopesAreTheSpecNames() {
        assertEquals(EnumSet.of(Scope.STATEMENTS_WRITE, Scope.STATE),
                new NewCredential("content", List.of("statements/write", "state")).scopeSet());
    }

    @Test
    void unknownScopeIsRefusedNamingItsIndex() {
        HubProblem p = assertThrows(HubProblem.class, () -> new NewCredential("c", List.of("all", "write")));
        assertEquals("scopes[1]", p.field());
    }

    /** lrs_credential.name is VARCHAR(200); scopes (VARCHAR(500)) are stored as the distinct names, at most 8. */
    @Test
    void aNameLongerThanItsColumnIsRefusedNamingIt() {
        new NewCredential("n".repeat(200), List.of("all"));
        assertEquals("name", assertThrows(HubProblem.class, () -> new NewCredential("n".repeat(201), List.of("all")))
                .field());
    }

    @Test
    void noScopesOrNoNameAreRefused() {
        assertEquals("scopes", assertThrows(HubProblem.class, () -> new NewCredential("c", List.of())).field());
        assertEquals("name", assertThrows(HubProblem.class, () -> new NewCredential(null, List.of("all"))).field());
    }
}
