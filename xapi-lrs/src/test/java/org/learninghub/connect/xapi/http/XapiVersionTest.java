package org.learninghub.connect.xapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class XapiVersionTest {

    @Test
    void every1_0VersionIsServedAs1_0_3() {
        for (String v : new String[] {"1.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.9"}) {
            assertEquals(Optional.of(XapiVersion.V1_0_3), XapiVersion.parse(v), v);
        }
    }

    @Test
    void anOverlongVersionIsUnsupportedBeforeAnyPatternRuns() {
        assertEquals(Optional.empty(), XapiVersion.parse("1.0." + "1".repeat(1_000_000)));
    }

    @Test
    void version2IsServedAs2_0_0() {
        assertEquals(Optional.of(XapiVersion.V2_0_0), XapiVersion.parse("2.0.0"));
        assertEquals("2.0.0", XapiVersion.V2_0_0.header());
    }

    @Test
    void otherVersionsAreRefused() {
        for (String v : new String[] {"0.9", "0.95", "1.1.0", "2.1.0", "3.0.0", "", "1.0.x", "2.0.1"}) {
            assertTrue(XapiVersion.parse(v).isEmpty(), v);
        }
        assertTrue(XapiVersion.parse(null).isEmpty());
    }
}
