package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentKeyTest {

    private static final DocumentScope STATE = new DocumentScope(DocumentKind.STATE, "http://example.org/a",
            "mbox:mailto:learner@example.org");

    @Test
    void keysAreSha256Hex() {
        assertEquals(64, new DocumentKey(STATE, Optional.empty(), "bookmark").key().length());
        assertEquals(64, STATE.key().length());
    }

    @Test
    void everyPartOfTheNameChangesTheKey() {
        String key = new DocumentKey(STATE, Optional.empty(), "bookmark").key();
        assertEquals(key, new DocumentKey(STATE, Optional.empty(), "bookmark").key());
        assertNotEquals(key, new DocumentKey(STATE, Optional.of(UUID.randomUUID()), "bookmark").key());
        assertNotEquals(key, new DocumentKey(STATE, Optional.empty(), "suspend_data").key());
        assertNotEquals(key, new DocumentKey(new DocumentScope(DocumentKind.STATE, "http://example.org/b",
                STATE.agentIfi()), Optional.empty(), "bookmark").key());
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        DocumentScope a = new DocumentScope(DocumentKind.STATE, "http://example.org/a|b", "c");
        DocumentScope b = new DocumentScope(DocumentKind.STATE, "http://example.org/a", "b|c");
        assertNotEquals(a.key(), b.key());
    }

    @Test
    void kindsDoNotShareKeys() {
        DocumentScope activityProfile = new DocumentScope(DocumentKind.ACTIVITY_PROFILE, "http://example.org/a", "");
        DocumentScope agentProfile = new DocumentScope(DocumentKind.AGENT_PROFILE, "", "http://example.org/a");
        assertNotEquals(activityProfile.key(), agentProfile.key());
    }

    @Test
    void scopesNameExactlyWhatTheirKindHas() {
        assertThrows(IllegalArgumentException.class, () -> new DocumentScope(DocumentKind.STATE, "", "mbox:x"));
        assertThrows(IllegalArgumentException.class,
                () -> new DocumentScope(DocumentKind.AGENT_PROFILE, "http://example.org/a", "mbox:x"));
        DocumentScope profile = new DocumentScope(DocumentKind.ACTIVITY_PROFILE, "http://example.org/a", "");
        assertThrows(IllegalArgumentException.class,
                () -> new DocumentKey(profile, Optional.of(UUID.randomUUID()), "p"));
    }
}
