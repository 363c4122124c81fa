package org.learninghub.connect.xapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;

class LrsPrincipalTest {

    private static LrsPrincipal with(Scope... scopes) {
        return new LrsPrincipal("k", 1, Set.of(scopes), Agent.of(new Ifi.Account("https://hub.example.org", "k")));
    }

    @Test
    void allGrantsEveryAccess() {
        for (Scope s : Scope.values()) {
            assertTrue(with(Scope.ALL).allows(s, false), s.value());
        }
    }

    @Test
    void allReadGrantsReadsOnly() {
        assertTrue(with(Scope.ALL_READ).allows(Scope.STATEMENTS_READ, true));
        assertTrue(with(Scope.ALL_READ).allows(Scope.STATE, true));
        assertFalse(with(Scope.ALL_READ).allows(Scope.STATEMENTS_WRITE, false));
        assertFalse(with(Scope.ALL_READ).allows(Scope.STATE, false));
    }

    @Test
    void statementsReadIncludesReadMine() {
        assertTrue(with(Scope.STATEMENTS_READ).allows(Scope.STATEMENTS_READ_MINE, true));
        assertFalse(with(Scope.STATEMENTS_READ_MINE).allows(Scope.STATEMENTS_READ, true));
    }

    @Test
    void writeScopeDoesNotGrantReading() {
        assertFalse(with(Scope.STATEMENTS_WRITE).allows(Scope.STATEMENTS_READ, true));
    }

    @Test
    void requireRefusesWith403NamingTheScope() {
        XapiException e = assertThrows(XapiException.class, () -> with(Scope.STATE).require(Scope.PROFILE, false));
        assertEquals(403, e.status().getStatusCode());
        assertTrue(e.getMessage().contains("profile"), e.getMessage());
    }

    @Test
    void scopesParseFromTheirSpecNames() {
        for (Scope s : Scope.values()) {
            assertEquals(s, Scope.parse(s.value()).orElseThrow());
        }
        assertTrue(Scope.parse("statements").isEmpty());
    }
}
