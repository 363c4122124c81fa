package org.learninghub.connect.lti.jwks;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learninghub.connect.lti.keys.ToolKeyRing;

/**
 * {@code GET /lti/jwks}: the tool's public keys (Security Framework §6.3), with which platforms verify
 * deep linking responses and service client assertions. Public parts only, served from the key ring's
 * in-memory snapshot: no lock, no database read and no decryption per request.
 */
@Path("lti/jwks")
public class JwksResource {

    /** Platforms may cache the set briefly; new keys are published a day before they sign. */
    static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    ToolKeyRing keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(keys.publicJwks())
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }
}
