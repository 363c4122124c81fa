package org.learninghub.connect.xapi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternateSyntaxFormTest {

    @Test
    void headerFieldsAreFoundWhateverTheirCase() {
        AlternateSyntaxForm form = AlternateSyntaxForm.parse(
                "Authorization=Basic%20YTpi&X-Experience-API-Version=1.0.3&content=%7B%7D&verb=x%26y"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic YTpi", form.authorization());
        assertEquals(List.of("authorization", "x-experience-api-version", "content", "verb"),
                List.copyOf(form.fields().keySet()));
        assertEquals("{}", form.fields().get("content"));
        assertEquals("x&y", form.fields().get("verb"));
    }

    @Test
    void emptyPairsAndBareNamesAreTolerated() {
        AlternateSyntaxForm form = AlternateSyntaxForm.parse("&&a&b=&".getBytes(StandardCharsets.UTF_8));
        assertEquals("", form.fields().get("a"));
        assertEquals("", form.fields().get("b"));
    }

    @Test
    void aBrokenEscapeIsA400() {
        XapiException e = assertThrows(XapiException.class,
                () -> AlternateSyntaxForm.parse("content=%zz".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status().getStatusCode());
    }

    @Test
    void onlyAFormPostWithMethodIsTheAlternateSyntax() {
        assertTrue(AlternateSyntaxForm.applies("POST", "method=PUT", "application/x-www-form-urlencoded; charset=UTF-8"));
        assertFalse(AlternateSyntaxForm.applies("POST", "methodx=PUT", "application/x-www-form-urlencoded"));
        assertFalse(AlternateSyntaxForm.applies("POST", "method=PUT", "application/json"));
        assertFalse(AlternateSyntaxForm.applies("PUT", "method=PUT", "application/x-www-form-urlencoded"));
        assertFalse(AlternateSyntaxForm.applies("POST", null, "application/x-www-form-urlencoded"));
    }
}
