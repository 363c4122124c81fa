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
}
