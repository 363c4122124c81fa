package org.learninghub.connect.hub.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code GET /}: a small fixed page saying what this server is and linking what a person or a script can
 * open from here. Nothing in it comes from a request or the database. It links only pages that exist.
 * The one inline style is allowed by its hash; nothing else may load or run.
 */
@Path("/")
public class FrontDoor {

    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d1d1d}a{color:#005eb8}code{background:#f0f0f0;padding:0 .2em}";

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Learning Hub Connect</title>
            <style>%s</style>
            </head>
            <body>
            <main>
            <h1>Learning Hub Connect</h1>
            <p>This server connects NHS trusts' learning management systems to shared e-learning:
            an LTI 1.3 tool for launches and an xAPI 1.0.3 learning record store, run for every trust.</p>
            <p>Administrators sign in to the <a href="admin/">dashboard</a>, or call the admin API under
            <code>/admin/api/</code> with their account; e-learning and reporting tools use the LRS under
            <code>/xapi/</code> with a trust's credential.</p>
            <ul>
            <li><a href="admin/">Administrators' dashboard</a></li>
            <li><a href="openapi">API description (OpenAPI)</a></li>
            <li><a href="health/ready">Readiness</a></li>
            <li><a href="xapi/about">xAPI About</a> (LRS versions)</li>
            <li><a href="lti/jwks">LTI tool public keys (JWKS)</a></li>
            </ul>
            </main>
            </body>
            </html>
            """.formatted(STYLE);

    static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    @GET
    @Produces("text/html;charset=UTF-8")
    public Response page() {
        return Response.ok(PAGE)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
