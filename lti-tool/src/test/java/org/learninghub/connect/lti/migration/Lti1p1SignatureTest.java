package org.learninghub.connect.lti.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worked example of the LTI 1.3 Core specification's LTI 1.1 migration claim section. */
class Lti1p1SignatureTest {

    private static final String BASE = "179248902&689302&https://lmsvendor.com&PM48OJSfGDTAzAo&1551290856&172we8671fd8z";
    private static final String SIGN = "lWd54kFo5qU7xshAna6v8BwoBm6tmUjc6GTax6+12ps=";

    @Test
    void theBaseStringJoinsKeyDeploymentIssuerClientExpiryAndNonce() {
        assertEquals(BASE, Lti1p1Signature.baseString("179248902", "689302", "https://lmsvendor.com",
                "PM48OJSfGDTAzAo", 1551290856L, "172we8671fd8z"));
    }

    @Test
    void theSpecificationsExampleSignatureIsReproduced() {
        assertEquals(SIGN, Lti1p1Signature.sign(BASE, "my-lti11-secret"));
        assertTrue(Lti1p1Signature.verifies(SIGN, BASE, "my-lti11-secret"));
    }

    @Test
    void anythingElseDoesNotVerify() {
        assertFalse(Lti1p1Signature.verifies(SIGN, BASE, "another-secret"));
        assertFalse(Lti1p1Signature.verifies(SIGN, BASE.replace("689302", "689303"), "my-lti11-secret"));
        assertFalse(Lti1p1Signature.verifies(SIGN.toLowerCase(), BASE, "my-lti11-secret"));
        assertFalse(Lti1p1Signature.verifies(null, BASE, "my-lti11-secret"));
        assertFalse(Lti1p1Signature.verifies(SIGN, BASE, ""));
    }
}
