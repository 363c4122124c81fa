package org.learninghub.connect.xapi.statement.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void languageTags() {
        for (String ok : new String[] {"en", "en-US", "zh-Hant-TW", "sr-Latn-RS", "x-private", "de-CH-1996"}) {
            assertTrue(Values.isLanguageTag(ok), ok);
        }
        for (String bad : new String[] {"", "e", "english language", "en_US", "123"}) {
            assertFalse(Values.isLanguageTag(bad), bad);
        }
    }

    /** The tag pattern recurses once per subtag: unbounded, 2 000 subtags overflowed the stack. */
    @Test
    void languageTagsAreBoundedBeforeThePatternRuns() {
        String longest = "en" + "-aaaaaaa".repeat((Values.MAX_LANGUAGE_TAG - 2) / 8);
        assertTrue(Values.isLanguageTag(longest), longest);
        assertFalse(Values.isLanguageTag(longest + "-a".repeat(Values.MAX_LANGUAGE_TAG)));
        assertFalse(Values.isLanguageTag("en" + "-aaaaa".repeat(100_000)));
    }

    @Test
    void uuids() {
        assertTrue(Values.isUuid("fd41c918-b88b-4b20-a0a5-a4c32391aaa0"));
        assertFalse(Values.isUuid("fd41c918b88b4b20a0a5a4c32391aaa0"));
        assertFalse(Values.isUuid("fd41c918-b88b-4b20-a0a5-a4c32391aaa0" + "0".repeat(1_000_000)));
    }
}
