package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class DocumentBodyTest {

    @Test
    void etagIsTheLowercaseHexSha1OfTheContent() {
        // FIPS 180 test vector: SHA-1("abc")
        DocumentBody body = new DocumentBody("text/plain", "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", body.etag());
        assertEquals("\"a9993e364706816aba3e25717850c26c9cd0d89d\"", Etags.header(body.etag()));
    }

    @Test
    void jsonIsRecognisedByMediaTypeWhateverItsParameters() {
        assertTrue(new DocumentBody("application/json", new byte[0]).isJson());
        assertTrue(new DocumentBody(" application/json ; charset=UTF-8", new byte[0]).isJson());
        assertFalse(new DocumentBody("application/jsonp", new byte[0]).isJson());
        assertFalse(new DocumentBody("application/x-www-form-urlencoded", new byte[0]).isJson());
    }

    @Test
    void aBodyThatSaysJsonMustBeJson() {
        DocumentBody broken = new DocumentBody("application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8));
        assertThrows(XapiException.class, broken::requireWellFormed);
        assertThrows(XapiException.class, new DocumentBody("application/json", new byte[0])::requireWellFormed);
        DocumentBody binary = new DocumentBody("application/octet-stream", new byte[] {(byte) 0xff, 0});
        assertSame(binary, binary.requireWellFormed());
    }
}
