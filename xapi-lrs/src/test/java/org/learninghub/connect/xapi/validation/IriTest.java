package org.learninghub.connect.xapi.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IriTest {

    @Test
    void absoluteIrisAreAccepted() {
        assertTrue(Iri.isAbsolute("http://adlnet.gov/expapi/verbs/completed"));
        assertTrue(Iri.isAbsolute("urn:uuid:9e3c6f2e-6f2b-4a3b-9c1d-1b2c3d4e5f60"));
        assertTrue(Iri.isAbsolute("https://example.org/activités/ü"));
    }

    @Test
    void relativeBlankOrSpacedValuesAreRefused() {
        assertFalse(Iri.isAbsolute("verbs/completed"));
        assertFalse(Iri.isAbsolute(""));
        assertFalse(Iri.isAbsolute(null));
        assertFalse(Iri.isAbsolute("http://example.org/a b"));
        assertFalse(Iri.isAbsolute("http://exa mple.org"));
    }

    @Property
    void anySchemeFollowedByAPathIsAbsolute(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String scheme,
                                             @ForAll @AlphaChars @StringLength(max = 20) String rest) {
        assertTrue(Iri.isAbsolute(scheme + ":" + rest + "x"));
    }

    @Property
    void noValueWithoutAColonIsAbsolute(@ForAll @AlphaChars @StringLength(max = 30) String value) {
        assertFalse(Iri.isAbsolute(value));
    }
}
