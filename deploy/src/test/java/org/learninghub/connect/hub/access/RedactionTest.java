package org.learninghub.connect.hub.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void secretQueryValuesAreReplacedAndOtherValuesKept() {
        assertEquals("id_token=[redacted]&state=[redacted]&lti_storage_target=_parent",
                Redaction.query("id_token=eyJhbGciOi.x.y&state=s3cr3t&lti_storage_target=_parent"));
        assertEquals("code=[redacted]&state=[redacted]&error=access_denied",
                Redaction.query("code=abc&state=def&error=access_denied"));
        assertEquals("activityId=http%3A%2F%2Fexample.org%2Fa&agent=[redacted]&since=2026-01-01",
                Redaction.query("activityId=http%3A%2F%2Fexample.org%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Ax%40y%22%7D"
                        + "&since=2026-01-01"));
    }

    @Test
    void namesHoldingASecretWordAreRedactedWhateverTheirCaseOrEncoding() {
        assertEquals("Access_Token=[redacted]&client%5Fsecret=[redacted]&X-Password=[redacted]&Authorization=[redacted]",
                Redaction.query("Access_Token=1&client%5Fsecret=2&X-Password=3&Authorization=Basic%20eDp5"));
        assertEquals("ID_TOKEN=[redacted]", Redaction.query("ID_TOKEN=abc"));
    }

    @Test
    void parametersWithoutValuesAndEmptyQueriesAreKept() {
        assertEquals("flag&x=1", Redaction.query("flag&x=1"));
        assertNull(Redaction.query(null));
        assertNull(Redaction.query(""));
    }

    @Test
    void registrationLinkTokensInThePathAreRedactedHoweverSpelt() {
        assertEquals("/lti/register/[redacted]", Redaction.path("/lti/register/Zm9vYmFyYmF6"));
        assertEquals("/lti/register/[redacted]", Redaction.path("/lti//register;x/Zm9vYmFyYmF6"));
        assertEquals("/lti/register/[redacted]", Redaction.path("/lti/%72egister/Zm9vYmFyYmF6"));
        assertEquals("/lti/register", Redaction.path("/lti/register"));
    }

    @Test
    void aLearnersIssuerAndSubjectInThePathAreRedacted() {
        assertEquals("/admin/api/trusts/RX1/learners/[redacted]/[redacted]/export",
                Redaction.path("/admin/api/trusts/RX1/learners/https%3A%2F%2Flms.example/learner-7/export"));
    }

    @Test
    void ordinaryPathsAreLoggedAsSentAndLongOnesCut() {
        assertEquals("/xapi/statements", Redaction.path("/xapi/statements"));
        assertEquals("/admin/api/trusts/RX1", Redaction.path("/admin/api/trusts/RX1"));
        String longPath = "/" + "a".repeat(5000);
        assertEquals(Redaction.MAX_PATH + 1, Redaction.path(longPath).length());
        assertTrue(Redaction.query("x=" + "b".repeat(5000)).length() <= Redaction.MAX_VALUE + 3);
    }

    @Test
    void secretNamesAreRecognised() {
        assertTrue(Redaction.secret("registration_token"));
        assertTrue(Redaction.secret("link"));
        assertFalse(Redaction.secret("stateId"));
        assertFalse(Redaction.secret("registration"));
    }
}
