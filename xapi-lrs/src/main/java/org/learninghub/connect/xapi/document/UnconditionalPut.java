package org.learninghub.connect.xapi.document;

import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;

/**
 * What a PUT that carries neither {@code If-Match} nor {@code If-None-Match} may do.
 *
 * <ul>
 *   <li>1.0.3, State: overwrite — "The State Resource will permit PUT, POST and DELETE requests without
 *       concurrency headers" (Communication §3.1).</li>
 *   <li>1.0.3, Activity and Agent Profile: the client "MUST include" one of the headers; a PUT onto an
 *       existing document is a 409 ("MUST return 409 Conflict"), onto a new one a 400 (as the ADL
 *       conformance suite expects).</li>
 *   <li>2.0.0, every Document resource: concurrency control applies to all document writes, so a PUT
 *       onto an existing document is a 409; a new document is stored.</li>
 * </ul>
 */
public enum UnconditionalPut {
    OVERWRITE,
    CONFLICT_IF_EXISTS,
    REQUIRE_PRECONDITION;

    public static UnconditionalPut of(DocumentKind kind, XapiVersion version) {
        if (version.isAtLeast2()) {
            return CONFLICT_IF_EXISTS;
        }
        return kind == DocumentKind.STATE ? OVERWRITE : REQUIRE_PRECONDITION;
    }

    /** Refuses the unconditional PUT when this rule forbids it for a document that does or does not exist. */
    void check(boolean exists) {
        if (this == OVERWRITE) {
            return;
        }
        if (exists) {
            throw XapiException.conflict("If-Match", "the document already exists: GET it to check its current "
                    + "state, then PUT again with If-Match set to its ETag (or use POST to merge JSON)");
        }
        if (this == REQUIRE_PRECONDITION) {
            throw XapiException.invalid("If-Match", "a PUT to this resource must carry If-Match (the ETag of the "
                    + "document it replaces) or If-None-Match: * (to create it)");
        }
    }
}
