package org.learninghub.connect.xapi.about;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 1.0.3 Communication §2.8: the xAPI versions this LRS serves; no credentials needed. */
@Path("xapi/about")
public class AboutResource {

    /** Every version a client may name; 1.0.x requests are served under 1.0.3's rules. */
    static final List<String> VERSIONS = List.of("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String about() {
        ObjectNode about = JsonNodeFactory.instance.objectNode();
        VERSIONS.forEach(about.putArray("version")::add);
        about.putObject("extensions");
        return about.toString();
    }
}
