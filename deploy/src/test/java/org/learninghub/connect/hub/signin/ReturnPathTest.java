package org.learninghub.connect.hub.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @Test
    void absentMeansTheAdminHome() {
        assertEquals(Optional.of("/admin/"), ReturnPath.of(null));
        assertEquals(Optional.of("/admin/"), ReturnPath.of(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/api/account", "/admin/x?tab=2#top", "/a%2Fb"})
    void localPathsAreKept(String path) {
        assertEquals(Optional.of(path), ReturnPath.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "///evil.example", "/\\evil.example",
            "\\\\evil.example", "evil.example", "javascript:alert(1)", "/a b", "/a\tb", "/a\nb", "/a\u007fb",
            "http:/evil", " /admin/", "/a|b<"})
    void anythingThatCouldLeaveTheHubIsRefused(String value) {
        assertTrue(ReturnPath.of(value).isEmpty(), value);
    }

    @Test
    void overlongIsRefused() {
        assertTrue(ReturnPath.of("/" + "a".repeat(ReturnPath.MAX_LENGTH)).isEmpty());
    }
}
