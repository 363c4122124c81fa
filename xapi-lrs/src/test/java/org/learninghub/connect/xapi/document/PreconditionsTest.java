package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class PreconditionsTest {

    private static final Optional<String> CURRENT = Optional.of("c8910fa3dd207c9cace2f9342864bfd064f2c43a");
    private static final Optional<String> NO_DOCUMENT = Optional.empty();

    @Test
    void absentHeadersMeanNoPrecondition() {
        Preconditions none = Preconditions.of(null, " ");
        assertTrue(none.absent());
        assertDoesNotThrow(() -> none.check(CURRENT));
        assertDoesNotThrow(() -> none.check(NO_DOCUMENT));
    }

    @Test
    void ifMatchWithTheCurrentQuotedEtagPasses() {
        assertDoesNotThrow(() -> Preconditions.of("\"" + CURRENT.get() + "\"", null).check(CURRENT));
    }

    @Test
    void ifMatchWithAnotherEtagIsA412() {
        XapiException e = assertThrows(XapiException.class, () -> Preconditions.of("\"1234\"", null).check(CURRENT));
        assertEquals(Status.PRECONDITION_FAILED, e.status());
    }

    @Test
    void ifMatchOnAMissingDocumentIsA412EvenWithStar() {
        assertEquals(Status.PRECONDITION_FAILED, assertThrows(XapiException.class,
                () -> Preconditions.of("*", null).check(NO_DOCUMENT)).status());
        assertDoesNotThrow(() -> Preconditions.of("*", null).check(CURRENT));
    }

    @Test
    void ifMatchListMatchesAnyMember() {
        assertDoesNotThrow(() -> Preconditions.of("\"a\", \"" + CURRENT.get() + "\"", null).check(CURRENT));
    }

    @Test
    void weakTagsNeverMatchStrongly() {
        assertThrows(XapiException.class, () -> Preconditions.of("W/\"" + CURRENT.get() + "\"", null).check(CURRENT));
    }

    @Test
    void ifNoneMatchStarRefusesAnExistingDocumentOnly() {
        assertEquals(Status.PRECONDITION_FAILED, assertThrows(XapiException.class,
                () -> Preconditions.of(null, "*").check(CURRENT)).status());
        assertDoesNotThrow(() -> Preconditions.of(null, "*").check(NO_DOCUMENT));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagRefuses() {
        assertThrows(XapiException.class, () -> Preconditions.of(null, "\"" + CURRENT.get() + "\"").check(CURRENT));
        assertDoesNotThrow(() -> Preconditions.of(null, "\"other\"").check(CURRENT));
    }

    @Test
    void tagsMayHoldCommasInsideQuotes() {
        assertEquals(Optional.of(Set.of("a,b", "c")), Preconditions.tags("\"a,b\", \"c\"", "If-Match"));
    }

    @Test
    void unclosedQuoteIsA400NamingTheHeader() {
        XapiException e = assertThrows(XapiException.class, () -> Preconditions.of("\"abc", null));
        assertEquals(Status.BAD_REQUEST, e.status());
        assertEquals("If-Match", e.path());
    }

    @Test
    void onlyCommasIsA400() {
        assertThrows(XapiException.class, () -> Preconditions.of(null, " , ,"));
        assertFalse(Preconditions.of("\"x\"", null).absent());
    }
}
