package org.learninghub.connect.xapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the LRS's JSON parser refuses, each as a 400 naming the place and the rule. */
class XapiJsonTest {

    private static XapiException refused(String json) {
        XapiException e = assertThrows(XapiException.class, () -> XapiJson.parse(json, "statement"));
        assertEquals(400, e.status().getStatusCode());
        assertEquals("statement", e.path());
        return e;
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNamingTheRule() {
        int depth = JsonReadLimits.DEFAULT_NESTING_DEPTH;
        XapiJson.parse("[".repeat(depth) + "]".repeat(depth), "statement");
        XapiException e = refused("[".repeat(depth + 1) + "]".repeat(depth + 1));
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("hub.json"), e.getMessage());
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedNamingTheRule() {
        XapiException e = refused("{\"n\":" + "1".repeat(JsonReadLimits.DEFAULT_NUMBER_LENGTH + 1) + "}");
        assertTrue(e.getMessage().contains("Number value length"), e.getMessage());
    }

    @Test
    void aPropertyNameLongerThanTheLimitIsRefusedNamingTheRule() {
        XapiException e = refused("{\"" + "k".repeat(JsonReadLimits.DEFAULT_NAME_LENGTH + 1) + "\":1}");
        assertTrue(e.getMessage().contains("Name length"), e.getMessage());
    }

    @Test
    void aDocumentLongerThanTheLimitIsRefusedNamingTheRule() {
        String json = "\"" + "s".repeat((int) JsonReadLimits.DEFAULT_DOCUMENT_LENGTH) + "\"";
        XapiException e = refused(json);
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        assertTrue(refused("{\"id\":1,\"id\":2}").getMessage().contains("Duplicate field"));
    }
}
