package org.learninghub.connect.lti.platformcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    private static final URI BASE = URI.create("https://lms.example.com/context/1/lineitems?limit=2");

    @Test
    void readsNextAndDifferencesFromOneHeader() {
        Map<String, URI> links = LinkHeader.links("<https://lms.example.com/context/1/lineitems?p=2&limit=2>; rel=\"next\", "
                + "<https://lms.example.com/m?since=5>; rel=\"differences\"", BASE);
        assertEquals(URI.create("https://lms.example.com/context/1/lineitems?p=2&limit=2"), links.get("next"));
        assertEquals(URI.create("https://lms.example.com/m?since=5"), links.get("differences"));
    }

    @Test
    void relativeLinksResolveAgainstTheRequest() {
        assertEquals(URI.create("https://lms.example.com/context/1/lineitems?page=3"),
                LinkHeader.links("<lineitems?page=3>; rel=next", BASE).get("next"));
    }

    @Test
    void aCommaInsideTheUrlDoesNotSplitTheValue() {
        assertEquals(URI.create("https://lms.example.com/x?a=1,2"),
                LinkHeader.links("<https://lms.example.com/x?a=1,2>; rel=\"first next\"", BASE).get("next"));
    }

    @Test
    void aLinkToAnotherOriginIsDropped() {
        assertTrue(LinkHeader.links("<https://evil.example/steal>; rel=\"next\"", BASE).isEmpty());
        assertTrue(LinkHeader.links("<http://lms.example.com/x>; rel=\"next\"", BASE).isEmpty(), "https to http");
        assertTrue(LinkHeader.links("<https://lms.example.com:8443/x>; rel=\"next\"", BASE).isEmpty());
    }

    @Test
    void garbageAndOverlongHeadersGiveNoLinks() {
        assertTrue(LinkHeader.links("next", BASE).isEmpty());
        assertTrue(LinkHeader.links("<https://lms.example.com/ x>; rel=next", BASE).isEmpty());
        assertTrue(LinkHeader.links("<https://lms.example.com/x>; rel=next," + " ".repeat(LinkHeader.MAX_LENGTH), BASE).isEmpty());
    }
}
