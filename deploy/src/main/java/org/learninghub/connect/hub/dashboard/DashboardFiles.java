package org.learninghub.connect.hub.dashboard;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The dashboard's files: {@code /admin/} (the page) and {@code /admin/assets/*} (its script and style). The JAX-RS application answers every path of the Hub, so these are served
 * here rather than by the container's default servlet; only the files named below exist, so no path a request
 * makes up can reach another file. web.xml leaves exactly these paths open: the page and its assets hold no data.
 */
@Path("admin")
public class DashboardFiles {

    /** Same-origin scripts, styles and fetches only; no inline script or style, no frames, no plugins. */
    static final String POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final String HTML = "text/html;charset=UTF-8";
    static final String JS = "text/javascript;charset=UTF-8";
    static final String CSS = "text/css;charset=UTF-8";
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.js", JS,
            "dashboard.css", CSS);

    @Context
    ServletContext servlet;

    @GET
    public Response page() {
        return file(servlet.getResourceAsStream("/admin/index.html"), HTML, "no-cache");
    }

    @GET
    @Path("index.html")
    public Response index() {
        return page();
    }

    @GET
    @Path("assets/{name}")
    public Response asset(@PathParam("name") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            throw HubProblem.notFound("dashboard file " + name);
        }
        return file(servlet.getResourceAsStream("/admin/assets/" + name), type, "no-cache");
    }

    static Response file(InputStream in, String type, String cache) {
        if (in == null) {
            throw new IllegalStateException("a dashboard file is missing from the build");
        }
        byte[] body;
        try (in) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(body, type)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", cache)
                .build();
    }
}
