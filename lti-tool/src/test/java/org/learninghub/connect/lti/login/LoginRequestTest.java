package org.learninghub.connect.lti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.page.LtiProblem;

/** The login parameters stored in lti_login_state are bounded by its columns before any SQL. */
class LoginRequestTest {

    static final String TARGET = "https://tool.example/lti/launch";

    static LtiProblem refused(String target, String storageTarget) {
        LtiProblem problem = assertThrows(LtiProblem.class, () -> LoginRequest.of("https://lms.example", "hint", target,
                null, null, null, storageTarget));
        assertEquals(400, problem.status().getStatusCode());
        return problem;
    }

    /** lti_login_state.target_link_uri is VARCHAR(2000). */
    @Test
    void aTargetLinkUriLongerThanItsColumnIsRefusedNamingIt() {
        String longest = TARGET + "?" + "q".repeat(2000 - TARGET.length() - 1);
        assertEquals(2000, LoginRequest.of("https://lms.example", "hint", longest, null, null, null, null)
                .targetLinkUri().toString().length());
        assertTrue(refused(longest + "q", null).getMessage().startsWith("target_link_uri"));
    }

    /** lti_login_state.storage_target is VARCHAR(200). */
    @Test
    void aStorageTargetLongerThanItsColumnIsRefusedNamingIt() {
        assertEquals("s".repeat(200), LoginRequest.of("https://lms.example", "hint", TARGET, null, null, null,
                "s".repeat(200)).storageTarget().orElseThrow());
        assertTrue(refused(TARGET, "s".repeat(201)).getMessage().startsWith("lti_storage_target"));
    }
}
