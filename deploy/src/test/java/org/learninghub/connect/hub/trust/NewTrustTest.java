package org.learninghub.connect.hub.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;

class NewTrustTest {

    @Test
    void odsStyleCodesAreAccepted() {
        assertDoesNotThrow(() -> new NewTrust("RX1", "Example NHS Trust"));
        assertDoesNotThrow(() -> new NewTrust("R1H", "Barts Health"));
    }

    /** trust.code is VARCHAR(32) and trust.name VARCHAR(200): the code's form (2 to 12 characters) fits. */
    @Test
    void lowerCaseSpacedOrLongCodesAreRefusedNamingCode() {
        for (String code : new String[] {"rx1", "R X1", "R", "ABCDEFGHIJKLM", "", null}) {
            HubProblem p = assertThrows(HubProblem.class, () -> new NewTrust(code, "x"));
            assertEquals("code", p.field(), String.valueOf(code));
        }
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertEquals("name", assertThrows(HubProblem.class, () -> new NewTrust("RX1", " ")).field());
        assertEquals("name", assertThrows(HubProblem.class, () -> new NewTrust("RX1", "x".repeat(201))).field());
    }
}
