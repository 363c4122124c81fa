package org.learninghub.connect.xapi.validation;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * IRIs and IRLs (1.0.3 Data §4.1.6 / RFC 3987): absolute, with a scheme. {@link URI} accepts the
 * non-ASCII characters an IRI may hold, so it checks the syntax once for the whole LRS.
 */
public final class Iri {

    /**
     * The longest verb or activity id the LRS accepts: the width of the columns that index them
     * ({@code xapi_statement_verb.iri}, {@code xapi_statement_activity.iri}, {@code xapi_activity.iri}).
     */
    public static final int MAX_INDEXED = 2048;

    private Iri() {
    }

    public static boolean isAbsolute(String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme().length() > 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
