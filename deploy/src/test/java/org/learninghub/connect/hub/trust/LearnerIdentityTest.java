package org.learninghub.connect.hub.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;

class LearnerIdentityTest {

    @Test
    void theApiValuesAreTheLowerCaseNames() {
        assertEquals(LearnerIdentity.PSEUDONYMOUS, LearnerIdentity.of("pseudonymous"));
        assertEquals(LearnerIdentity.NAMED, LearnerIdentity.of("named"));
        assertEquals("named", LearnerIdentity.NAMED.token());
    }

    @Test
    void anythingElseIsABadRequestNamingTheField() {
        for (String bad : new String[] {"NAMED", "Named", "public", " named", ""}) {
            HubProblem p = assertThrows(HubProblem.class, () -> new TrustSettings(bad));
            assertEquals("learnerIdentity", p.field());
        }
    }

    @Test
    void aSettingLeftOutIsNoChange() {
        assertEquals(null, new TrustSettings(null).learnerIdentity());
    }
}
