package org.learninghub.connect.xapi.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;
import org.learninghub.connect.xapi.statement.store.Attachment;

class StatementIntakeTest {

    private static StatementBody withPartType(String contentType) {
        return new StatementBody(XapiJson.parse("{}", "statement"),
                List.of(new Attachment("a".repeat(64), contentType, new byte[] {1})));
    }

    /** xapi_attachment.content_type is VARCHAR(255) and holds the part's Content-Type. */
    @Test
    void anAttachmentPartTypeLongerThanItsColumnIsRefusedNamingIt() {
        String longest = "text/" + "p".repeat(250);
        StatementIntake.requireStorableAttachmentTypes(withPartType(longest));
        XapiException e = assertThrows(XapiException.class,
                () -> StatementIntake.requireStorableAttachmentTypes(withPartType(longest + "p")));
        assertEquals(400, e.status().getStatusCode());
        assertEquals("Content-Type", e.path());
    }
}
