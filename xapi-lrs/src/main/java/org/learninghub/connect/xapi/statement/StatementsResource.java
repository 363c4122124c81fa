package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.learninghub.connect.xapi.http.Refusal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Scope;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.statement.attachment.StatementBodies;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;
import org.learninghub.connect.xapi.statement.validation.Values;

/**
 * {@code /xapi/statements} (1.0.3 Communication §2.1): PUT one statement by id, POST one or many, GET one
 * or a query (HEAD answers as GET without a body). A 200/204 is sent only after the transaction committed.
 * One instance serves every request: it keeps nothing of a request in a field, so none is created per request.
 */
@Path("xapi/statements")
@ApplicationScoped
public class StatementsResource {

    @Inject
    StatementIntake intake;

    @Inject
    StatementReader reader;

    @Inject
    StatementBodies bodies;

    @PUT
    public Response put(InputStream body, @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext sc,
                        @Context HttpServletRequest request) {
        LrsPrincipal principal = LrsPrincipal.of(sc);
        principal.require(Scope.STATEMENTS_WRITE, false);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        onlyParameters(params, Set.of("statementId"));
        String statementId = params.getFirst("statementId");
        if (statementId == null) {
            throw XapiException.invalid("statementId", "is required to PUT a statement");
        }
        if (!Values.isUuid(statementId)) {
            throw XapiException.invalid("statementId", "must be a UUID");
        }
        StatementBody statement = bodies.read(contentType(headers), body, headers.getLength());
        request.setAttribute(Refusal.BODY_ATTRIBUTE, statement.json());
        JsonNode json = statement.json();
        if (!json.isObject()) {
            throw XapiException.invalid("statement", "PUT takes one statement object");
        }
        JsonNode id = json.get("id");
        if (id != null && !(id.isTextual() && id.textValue().equalsIgnoreCase(statementId))) {
            throw XapiException.invalid("id", "must equal the statementId parameter " + statementId);
        }
        if (id == null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("id", statementId);
        }
        intake.store(List.of(json), statement, principal, version(headers));
        return Response.noContent().build();
    }

    @POST
    public Response post(InputStream body, @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext sc,
                         @Context HttpServletRequest request) {
        LrsPrincipal principal = LrsPrincipal.of(sc);
        principal.require(Scope.STATEMENTS_WRITE, false);
        onlyParameters(uri.getQueryParameters(), Set.of());
        StatementBody statement = bodies.read(contentType(headers), body, headers.getLength());
        request.setAttribute(Refusal.BODY_ATTRIBUTE, statement.json());
        List<JsonNode> statements = new ArrayList<>();
        if (statement.json().isArray()) {
            statement.json().forEach(statements::add);
        } else if (statement.json().isObject()) {
            statements.add(statement.json());
        } else {
            throw XapiException.invalid("statement", "must be a statement object or an array of statements");
        }
        List<UUID> ids = intake.store(statements, statement, principal, version(headers));
        ArrayNode result = XapiJson.MAPPER.createArrayNode();
        ids.forEach(i -> result.add(i.toString()));
        return Response.ok(result.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext sc) {
        LrsPrincipal principal = LrsPrincipal.of(sc);
        if (!principal.allows(Scope.STATEMENTS_READ, true)) {
            principal.require(Scope.STATEMENTS_READ_MINE, true);
        }
        return reader.get(principal, uri, headers);
    }

    /**
     * The request's media type, parsed from the header as it is now: the alternate request syntax
     * rewrites it, and the runtime's cached {@code getMediaType()} may predate that.
     */
    static MediaType contentType(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw XapiException.invalid(HttpHeaders.CONTENT_TYPE, "is not a media type: " + value);
        }
    }

    static XapiVersion version(HttpHeaders headers) {
        return XapiVersion.parse(headers.getHeaderString(XapiVersion.HEADER)).orElse(XapiVersion.V2_0_0);
    }

    static void onlyParameters(MultivaluedMap<String, String> params, Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw XapiException.invalid(name, "is not a parameter of this request");
            }
            if (params.get(name).size() > 1) {
                throw XapiException.invalid(name, "must be given once");
            }
        }
    }
}
