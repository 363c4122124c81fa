package org.learninghub.connect.xapi.statement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class MoreTokenTest {

    @Test
    void roundTripsParametersAndCursor() {
        MoreToken token = new MoreToken(Map.of("verb", "http://example.org/v?x=1&y=2", "limit", "5"), 42L);
        MoreToken back = MoreToken.decode(token.encode());
        assertEquals(token, back);
    }

    @Test
    void garbageIsA400NamingMore() {
        XapiException e = assertThrows(XapiException.class, () -> MoreToken.decode("not-a-token!"));
        assertEquals("more", e.path());
    }
}
