package org.learninghub.connect.xapi.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Scope;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * {@code GET /xapi/agents?agent=…} (1.0.3 Communication §2.4): the Person object for an Agent. Reading
 * about Agents is profile data, so the credential needs {@code profile} (or {@code all/read}, {@code all}).
 */
@Path("xapi/agents")
@ApplicationScoped
public class AgentsResource {

    static final String AGENT = "agent";

    @GET
    public Response person(@Context UriInfo uri, @Context SecurityContext security) {
        LrsPrincipal.of(security).require(Scope.PROFILE, true);
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (!parameter.getKey().equals(AGENT)) {
                throw XapiException.invalid(parameter.getKey(), "is not a parameter of the Agents resource; "
                        + "allowed: agent");
            }
            if (parameter.getValue().size() > 1) {
                throw XapiException.invalid(AGENT, "must be given once");
            }
        }
        String agent = uri.getQueryParameters().getFirst(AGENT);
        if (agent == null || agent.isEmpty()) {
            throw XapiException.invalid(AGENT, "is required");
        }
        Person person = Person.of(AgentJson.parseParameter(agent, AGENT));
        return Response.ok(person.toJson().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
