package org.learninghub.connect.hub.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossSiteRequestGuardTest {

    @Test
    void typesAFormCanSendAreRefused() {
        assertTrue(CrossSiteRequestGuard.crossSiteSendable(null));
        assertTrue(CrossSiteRequestGuard.crossSiteSendable(""));
        assertTrue(CrossSiteRequestGuard.crossSiteSendable("application/x-www-form-urlencoded"));
        assertTrue(CrossSiteRequestGuard.crossSiteSendable("Multipart/Form-Data; boundary=x"));
        assertTrue(CrossSiteRequestGuard.crossSiteSendable("text/plain;charset=UTF-8"));
    }

    @Test
    void jsonAndOtherTypesPass() {
        assertFalse(CrossSiteRequestGuard.crossSiteSendable("application/json"));
        assertFalse(CrossSiteRequestGuard.crossSiteSendable("application/json; charset=utf-8"));
        assertFalse(CrossSiteRequestGuard.crossSiteSendable("text/csv"));
    }

    @Test
    void aSignInFormPostMustComeFromTheHubsOwnOrigin() {
        String hub = "https://hub.example.nhs.uk";
        assertTrue(CrossSiteRequestGuard.sameOrigin("same-origin", "https://hub.example.nhs.uk", hub));
        assertTrue(CrossSiteRequestGuard.sameOrigin("same-origin", null, hub), "the browser's own word is enough");
        assertFalse(CrossSiteRequestGuard.sameOrigin("same-site", "https://hub.example.nhs.uk", hub));
        assertFalse(CrossSiteRequestGuard.sameOrigin("cross-site", null, hub));
        assertFalse(CrossSiteRequestGuard.sameOrigin("none", null, hub));
        assertTrue(CrossSiteRequestGuard.sameOrigin(null, "https://HUB.example.nhs.uk", hub + "/"));
        assertFalse(CrossSiteRequestGuard.sameOrigin(null, "https://evil.example", hub));
        assertFalse(CrossSiteRequestGuard.sameOrigin(null, "null", hub));
        assertFalse(CrossSiteRequestGuard.sameOrigin(null, "http://hub.example.nhs.uk", hub), "another scheme");
        assertTrue(CrossSiteRequestGuard.sameOrigin(null, null, hub), "no browser sent it");
        assertTrue(CrossSiteRequestGuard.sameOrigin(null, "http://127.0.0.1:8080", "http://127.0.0.1:8080/hub"));
    }
}
