package org.learninghub.connect.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;
import org.learninghub.connect.lti.platformcall.PlatformJson;

class ResultTest {

    private static List<Result> container(String json) {
        return PlatformJson.readList(json.getBytes(StandardCharsets.UTF_8), Result.class, "result container");
    }

    @Test
    void parsesTheSpecificationsExample() {
        List<Result> results = container("""
                [{"id":"https://lms.example.com/context/2923/lineitems/1/results/5323497","scoreOf":"https://lms.example.com/context/2923/lineitems/1",
                  "userId":"5323497","resultScore":0.83,"resultMaximum":1,"comment":"This is exceptional work."}]""");
        assertEquals("5323497", results.get(0).userId());
        assertEquals(0.83, results.get(0).resultScore());
    }

    @Test
    void idAndUserIdAreRequired() {
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"userId\":\"u\"}]"));
        assertThrows(PlatformAnswerInvalidException.class, () -> container("[{\"id\":\"r\"}]"));
    }

    @Test
    void aNonPositiveMaximumIsInvalid() {
        assertThrows(PlatformAnswerInvalidException.class,
                () -> container("[{\"id\":\"r\",\"userId\":\"u\",\"resultMaximum\":0}]"));
    }
}
