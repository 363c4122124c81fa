package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

class JsonMergeTest {

    private static DocumentBody json(String text) {
        return new DocumentBody("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String merged(DocumentBody stored, DocumentBody posted) throws Exception {
        return XapiJson.MAPPER.readTree(JsonMerge.merge(stored, posted).content()).toString();
    }

    @Test
    void mergesTopLevelPropertiesAsInTheSpecExample() throws Exception {
        // 1.0.3 Communication §2.2, JSON Procedure: {x:foo,y:bar} + {x:bash,z:faz} = {x:bash,y:bar,z:faz}
        assertEquals("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\"}",
                merged(json("{\"x\":\"foo\",\"y\":\"bar\"}"), json("{\"x\":\"bash\",\"z\":\"faz\"}")));
    }

    @Test
    void replacesAnObjectPropertyWholeInsteadOfMergingIt() throws Exception {
        assertEquals("{\"car\":{\"make\":\"Dodge\"}}",
                merged(json("{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"}}"), json("{\"car\":{\"make\":\"Dodge\"}}")));
    }

    @Test
    void keepsExactNumbers() throws Exception {
        assertEquals("{\"score\":0.10000000000000000001,\"n\":1}",
                merged(json("{\"score\":0.10000000000000000001}"), json("{\"n\":1}")));
    }

    @Test
    void acceptsJsonWithACharsetParameter() throws Exception {
        DocumentBody posted = new DocumentBody("Application/JSON; charset=utf-8", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":1}", merged(json("{}"), posted));
    }

    @Test
    void refusesWhenThePostedDocumentIsNotJson() {
        DocumentBody posted = new DocumentBody("text/plain", "abc".getBytes(StandardCharsets.UTF_8));
        XapiException e = assertThrows(XapiException.class, () -> JsonMerge.merge(json("{}"), posted));
        assertEquals(Status.BAD_REQUEST, e.status());
        assertEquals("Content-Type", e.path());
    }

    @Test
    void refusesWhenTheStoredDocumentIsNotJson() {
        DocumentBody stored = new DocumentBody("application/octet-stream", new byte[] {1, 2});
        assertThrows(XapiException.class, () -> JsonMerge.merge(stored, json("{}")));
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertEquals(Status.BAD_REQUEST, assertThrows(XapiException.class,
                () -> JsonMerge.merge(json("{}"), json("[1,2]"))).status());
        assertThrows(XapiException.class, () -> JsonMerge.merge(json("\"text\""), json("{}")));
    }

    @Test
    void refusesMalformedJson() {
        assertThrows(XapiException.class, () -> JsonMerge.merge(json("{}"), json("{\"a\":1}[")));
    }
}
