package org.learninghub.connect.xapi.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Scope;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.ActivityDefinitions;
import org.learninghub.connect.xapi.validation.Iri;

/**
 * GET /xapi/activities?activityId=… (1.0.3 Communication §2.5): the Activity with the definition merged
 * from the caller's tenant's statements; an Activity no statement defined is returned with its id only.
 */
@Path("xapi/activities")
@ApplicationScoped
public class ActivitiesResource {

    @Inject
    DataSource dataSource;

    @Inject
    ActivityDefinitions definitions;

    @GET
    public Response get(@Context UriInfo uri, @Context SecurityContext sc) {
        LrsPrincipal principal = LrsPrincipal.of(sc);
        principal.require(Scope.STATEMENTS_READ, true);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!name.equals("activityId")) {
                throw XapiException.invalid(name, "is not a parameter of this request");
            }
        }
        String id = params.getFirst("activityId");
        if (id == null) {
            throw XapiException.invalid("activityId", "is required");
        }
        if (!Iri.isAbsolute(id)) {
            throw XapiException.invalid("activityId", "must be an absolute IRI");
        }
        Optional<ObjectNode> definition;
        try (Connection c = dataSource.getConnection()) {
            definition = definitions.find(c, principal.tenantId(), id);
        } catch (SQLException e) {
            throw new IllegalStateException("reading activity failed: " + e.getMessage(), e);
        }
        ObjectNode activity = XapiJson.MAPPER.createObjectNode();
        activity.put("objectType", "Activity");
        activity.put("id", id);
        definition.ifPresent(d -> activity.set("definition", d));
        return Response.ok(activity.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
