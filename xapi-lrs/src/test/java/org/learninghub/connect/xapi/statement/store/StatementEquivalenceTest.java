package org.learninghub.connect.xapi.statement.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiJson;

class StatementEquivalenceTest {

    @Test
    void ignoresWhatTheLrsSetsAndPropertyOrder() {
        var sent = XapiJson.parse("{\"verb\":{\"id\":\"http://v\"},\"actor\":{\"mbox\":\"mailto:a@b.c\"}}", "");
        var stored = XapiJson.parse("{\"actor\":{\"mbox\":\"mailto:a@b.c\"},\"verb\":{\"id\":\"http://v\"},"
                + "\"id\":\"x\",\"stored\":\"t\",\"timestamp\":\"t\",\"authority\":{},\"version\":\"1.0.0\"}", "");
        assertTrue(StatementEquivalence.equivalent(sent, stored));
    }

    @Test
    void differentContentIsNotEquivalent() {
        var sent = XapiJson.parse("{\"verb\":{\"id\":\"http://v2\"}}", "");
        var stored = XapiJson.parse("{\"verb\":{\"id\":\"http://v\"}}", "");
        assertFalse(StatementEquivalence.equivalent(sent, stored));
    }

    @Test
    void aSentTimestampMustMatch() {
        var sent = XapiJson.parse("{\"timestamp\":\"2024-01-01T00:00:00Z\"}", "");
        var stored = XapiJson.parse("{\"timestamp\":\"2024-01-02T00:00:00Z\"}", "");
        assertFalse(StatementEquivalence.equivalent(sent, stored));
    }

    /** The second PUT of such a statement once spent 38 s in a pattern here. */
    @Test
    void aVeryLongDurationIsComparedInOnePass() {
        String days = "{\"result\":{\"duration\":\"P" + "1".repeat(100_000) + "D\"}}";
        assertTrue(StatementEquivalence.equivalent(XapiJson.parse(days, ""), XapiJson.parse(days, "")));
        String seconds = "{\"result\":{\"duration\":\"PT1." + "9".repeat(100_000) + "S\"}}";
        assertTrue(StatementEquivalence.equivalent(XapiJson.parse(seconds, ""),
                XapiJson.parse("{\"result\":{\"duration\":\"PT1.99S\"}}", "")));
    }

    @Test
    void durationPrecisionBeyondHundredthsIsIgnored() {
        var full = XapiJson.parse("{\"result\":{\"duration\":\"P1DT12H36M0.1237S\"}}", "");
        var hundredths = XapiJson.parse("{\"result\":{\"duration\":\"P1DT12H36M0.12S\"}}", "");
        assertTrue(StatementEquivalence.equivalent(full, hundredths));
        var other = XapiJson.parse("{\"result\":{\"duration\":\"P1DT12H36M0.13S\"}}", "");
        assertFalse(StatementEquivalence.equivalent(full, other));
    }
}
