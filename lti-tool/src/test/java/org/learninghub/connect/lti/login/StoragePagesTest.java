package org.learninghub.connect.lti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StoragePagesTest {

    @Test
    void scriptStringsCannotCloseTheScriptOrTheString() {
        assertEquals("'a\\u0027\\u003c/script\\u003e'", StoragePages.jsString("a'</script>"));
    }

    @Test
    void thePutPageTargetsThePlatformOriginAndNamesTheState() {
        String page = StoragePages.putState("post_message_forwarding", URI.create("https://lms.example:8443/auth?x=1"),
                "S1", URI.create("https://lms.example:8443/auth?x=1&state=S1"));
        assertTrue(page.contains("'https://lms.example:8443'"), page);
        assertTrue(page.contains("lti.put_data"), page);
        assertTrue(page.contains("'state_S1'"), page);
        assertTrue(page.contains("frames['post_message_forwarding']"), page);
        assertFalse(page.contains("'*'"), "never post to any origin");
    }

    @Test
    void theCheckPageCarriesTheProofOnlyInItsForm() {
        String page = StoragePages.checkState("_parent", URI.create("https://lms.example/auth"),
                URI.create("https://hub.example/lti/launch"), "tok", "S2", "P2");
        assertTrue(page.contains("window.parent"), page);
        assertTrue(page.contains("name=\"lti_storage_proof\" value=\"P2\""), page);
        assertTrue(page.contains("lti.get_data"), page);
    }
}
