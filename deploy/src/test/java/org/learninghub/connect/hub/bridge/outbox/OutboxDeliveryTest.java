package org.learninghub.connect.hub.bridge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.platformcall.PlatformCallSettings;

class OutboxDeliveryTest {

    @Test
    void theClaimLimitOutlastsThreePlatformCallsEachAtTheirLongest() {
        // Token, score, and one token refresh on a 401: each within 60 s of budget plus one 15 s request.
        assertEquals(Duration.ofSeconds(3 * 75 + 10), OutboxDelivery.claimLimit(PlatformCallSettings.defaults()));
        PlatformCallSettings quick = new PlatformCallSettings(Duration.ofSeconds(1), Duration.ofSeconds(8), 4096, 1,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(60), 10);
        assertEquals(Duration.ofSeconds(37), OutboxDelivery.claimLimit(quick), "the limit OutboxRestartIT pins");
    }
}
