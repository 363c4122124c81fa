package org.learninghub.connect.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformRegistrationTest {

    static PlatformRegistration registration(String issuer, String auth, List<String> frameOrigins) {
        return new PlatformRegistration(1, 2, issuer, "client", Set.of("d"), URI.create(auth), Optional.empty(),
                Optional.empty(), Optional.of(URI.create("https://lms.example/jwks")), Optional.empty(), true, false,
                frameOrigins);
    }

    @Test
    void theLmsOriginsAreTheIssuersTheAuthUrlsAndTheRegisteredOnesInThatOrder() {
        assertEquals(List.of("https://lms.example", "https://sso.example:8443", "https://school.example"),
                registration("https://LMS.example/path", "https://sso.example:8443/auth?x=1",
                        List.of("https://school.example", "https://lms.example")).frameAncestors());
        assertEquals(List.of("http://127.0.0.1:9000"),
                registration("http://127.0.0.1:9000/lms", "http://127.0.0.1:9000/lms/auth", List.of()).frameAncestors());
    }

    @Test
    void platformStorageIsOffUnlessDeclared() {
        PlatformRegistration plain = new PlatformRegistration(1, 2, "https://lms.example", "client", Set.of("d"),
                URI.create("https://lms.example/auth"), Optional.empty(), Optional.empty(),
                Optional.of(URI.create("https://lms.example/jwks")), Optional.empty(), true);
        assertFalse(plain.platformStorage());
        assertEquals(List.of("https://lms.example"), plain.frameAncestors());
    }
}
