package org.learninghub.connect.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;
import org.learninghub.connect.lti.platformcall.PlatformJson;

class LineItemTest {

    private static List<LineItem> container(String json) {
        return PlatformJson.readList(json.getBytes(StandardCharsets.UTF_8), LineItem.class, "line item container");
    }

    @Test
    void parsesTheSpecificationsExampleAndIgnoresExtensions() {
        List<LineItem> items = container("""
                [{"id":"https://lms.example.com/context/2923/lineitems/1","scoreMaximum":60,"label":"Chapter 5 Test",
                  "resourceId":"a-9334df-33","tag":"grade","resourceLinkId":"1g3k4dlk49fk",
                  "endDateTime":"2018-04-06T22:05:03Z","https://canvas.instructure.com/lti/submission_type":{"type":"none"}}]""");
        assertEquals(60.0, items.get(0).scoreMaximum());
        assertEquals("1g3k4dlk49fk", items.get(0).resourceLinkId());
        assertEquals("2018-04-06T22:05:03Z", items.get(0).endDateTime());
    }

    @Test
    void aNumberSentAsAStringIsInvalid() {
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"id\":\"x\",\"label\":\"l\",\"scoreMaximum\":\"60\"}]"));
    }

    @Test
    void labelAndAPositiveScoreMaximumAreRequired() {
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"id\":\"x\",\"scoreMaximum\":60}]"));
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"id\":\"x\",\"label\":\"l\",\"scoreMaximum\":0}]"));
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"id\":\"x\",\"label\":\"l\"}]"));
    }

    @Test
    void datesMustBeIso8601WithOffset() {
        assertThrows(PlatformAnswerInvalidException.class,
                () -> container("[{\"id\":\"x\",\"label\":\"l\",\"scoreMaximum\":1,\"startDateTime\":\"yesterday\"}]"));
    }

    @Test
    void anObjectWhereAnArrayBelongsIsInvalid() {
        assertThrows(PlatformAnswerInvalidException.class, () -> container("{\"id\":\"x\"}"));
    }

    @Test
    void aNewLineItemIsWrittenWithoutNullFields() {
        String json = new String(PlatformJson.write(LineItem.of("Quiz", 10, "r-1", null, null)), StandardCharsets.UTF_8);
        assertEquals("{\"scoreMaximum\":10.0,\"label\":\"Quiz\",\"resourceId\":\"r-1\"}", json);
    }
}
