package org.learninghub.connect.lti.deeplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.page.LtiProblem;

class DeepLinkSessionTest {

    static DeepLinkSession session(String returnUrl, String data) {
        return new DeepLinkSession("s", 1, "d", URI.create(returnUrl), List.of("ltiResourceLink"), true,
                Optional.ofNullable(data), Instant.now());
    }

    @Test
    void oversizedRequestsAreA400NotADatabaseError() {
        assertEquals(400, assertThrows(LtiProblem.class,
                () -> session("https://lms/" + "r".repeat(2000), null)).status().getStatusCode());
        assertEquals(400, assertThrows(LtiProblem.class,
                () -> session("https://lms/r", "d".repeat(4001))).status().getStatusCode());
    }

    /** lti_deep_link_session.accept_types is VARCHAR(500), the types joined by spaces. */
    @Test
    void acceptTypesLongerThanTheirColumnAreA400() {
        List<String> types = List.of("t".repeat(250), "u".repeat(250));
        assertEquals(400, assertThrows(LtiProblem.class, () -> new DeepLinkSession("s", 1, "d", URI.create("https://lms/r"),
                types, true, Optional.empty(), Instant.now())).status().getStatusCode());
    }

    @Test
    void dataUpToTheLimitIsKept() {
        assertEquals(4000, session("https://lms/r", "d".repeat(4000)).data().orElseThrow().length());
    }
}
