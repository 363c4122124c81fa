package org.learninghub.connect.hub.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The dashboard's charting library (uPlot), served from its webjar at the path the webjar lays out
 * ({@code /webjars/uplot/<version>/dist/…}); only its script and style, nothing else of the jar.
 */
@Path("webjars/uplot/" + ChartLibrary.VERSION + "/dist")
public class ChartLibrary {

    /** The same version as the webjar's in deploy/pom.xml. */
    static final String VERSION = "1.6.30";
    static final String ROOT = "META-INF/resources/webjars/uplot/" + VERSION + "/dist/";
    private static final Map<String, String> FILES = Map.of(
            "uPlot.iife.min.js", DashboardFiles.JS,
            "uPlot.min.css", DashboardFiles.CSS);

    @GET
    @Path("{name}")
    public Response library(@PathParam("name") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw HubProblem.notFound("file " + name);
        }
        // A versioned path never changes: browsers may keep it.
        return DashboardFiles.file(ChartLibrary.class.getClassLoader().getResourceAsStream(ROOT + name), type,
                "public, max-age=31536000, immutable");
    }

}
