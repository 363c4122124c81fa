package org.learninghub.connect.lti.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;", HtmlPage.escape("<script>\"x\" & 'y'</script>"));
    }

    @Test
    void autoSubmittedFormsCannotBeBrokenOutOf() {
        String page = HtmlPage.autoSubmit("t", "https://lms/return?a=1&b=2", Map.of("JWT", "\"><script>alert(1)</script>"));
        assertFalse(page.contains("<script>alert(1)"), page);
        assertTrue(page.contains("action=\"https://lms/return?a=1&amp;b=2\""), page);
    }
}
