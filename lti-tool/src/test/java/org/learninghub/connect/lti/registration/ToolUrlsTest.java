package org.learninghub.connect.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ToolUrlsTest {

    static final URI BASE = URI.create("https://hub.example.nhs.uk/");
    final ToolUrls urls = ToolUrls.under(BASE);

    @Test
    void urlsHangOffThePublicUrl() {
        assertEquals(URI.create("https://hub.example.nhs.uk/lti/login"), urls.loginUrl());
        assertEquals(URI.create("https://hub.example.nhs.uk/lti/launch"), urls.redirectUrl());
        assertEquals(URI.create("https://hub.example.nhs.uk/lti/jwks"), urls.jwksUrl());
        assertEquals(URI.create("https://hub.example.nhs.uk/lti/deep-link"), urls.deepLinkingUrl());
    }

    @Test
    void ownPagesAreOwn() {
        assertTrue(urls.isOwn(URI.create("https://hub.example.nhs.uk/lti/launch"), BASE));
        assertTrue(urls.isOwn(URI.create("https://HUB.example.nhs.uk/lti/launch?x=1"), BASE));
    }

    @Test
    void otherOriginsAreNotOwn() {
        assertFalse(urls.isOwn(URI.create("https://evil.example/lti/launch"), BASE));
        assertFalse(urls.isOwn(URI.create("http://hub.example.nhs.uk/lti/launch"), BASE));
        assertFalse(urls.isOwn(URI.create("https://hub.example.nhs.uk:8443/lti/launch"), BASE));
        assertFalse(urls.isOwn(URI.create("https://hub.example.nhs.uk@evil.example/lti/launch"), BASE));
        assertFalse(urls.isOwn(URI.create("https://hub.example.nhs.uk.evil.example/"), BASE));
        assertFalse(urls.isOwn(URI.create("/lti/launch"), BASE));
    }

    @Test
    void aPublicUrlWithAPathKeepsTargetsUnderIt() {
        URI base = URI.create("https://nhs.example/hub");
        ToolUrls under = ToolUrls.under(base);
        assertTrue(under.isOwn(URI.create("https://nhs.example/hub/lti/launch"), base));
        assertFalse(under.isOwn(URI.create("https://nhs.example/hubby/x"), base));
        assertFalse(under.isOwn(URI.create("https://nhs.example/hub/../elsewhere"), base));
    }
}
