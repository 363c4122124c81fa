package org.learninghub.connect.xapi.statement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiJson;

class StatementFormatterTest {

    static ObjectNode statement() {
        return (ObjectNode) XapiJson.parse("{\"actor\":{\"objectType\":\"Agent\",\"name\":\"Ann\",\"mbox\":\"mailto:a@b.c\"},"
                + "\"verb\":{\"id\":\"http://v\",\"display\":{\"en-US\":\"did\",\"fr\":\"a fait\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"http://a\",\"definition\":{\"name\":{\"en-US\":\"A\",\"fr\":\"Le A\"}}}}", "");
    }

    @Test
    void idsKeepsOnlyIdentifiers() {
        ObjectNode s = StatementFormatter.format(statement(), Format.IDS, List.of());
        assertFalse(s.get("actor").has("name"));
        assertEquals("mailto:a@b.c", s.get("actor").get("mbox").asText());
        assertFalse(s.get("verb").has("display"));
        assertFalse(s.get("object").has("definition"));
        assertEquals(1, s.get("object").size(), "an activity keeps only its id");
    }

    @Test
    void canonicalKeepsTheAcceptedLanguage() {
        ObjectNode s = StatementFormatter.format(statement(), Format.CANONICAL, Locale.LanguageRange.parse("fr"));
        assertEquals("{\"fr\":\"a fait\"}", s.get("verb").get("display").toString());
        assertEquals("{\"fr\":\"Le A\"}", s.get("object").get("definition").get("name").toString());
    }

    @Test
    void exactIsUnchanged() {
        assertEquals(statement(), StatementFormatter.format(statement(), Format.EXACT, List.of()));
    }
}
