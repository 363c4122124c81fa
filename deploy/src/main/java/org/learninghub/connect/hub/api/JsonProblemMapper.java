package org.learninghub.connect.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Unreadable JSON in a request to the Hub's API: a 400 naming the JSON path, never a 500.
 * A {@link HubProblem} thrown by a record's constructor while Jackson builds it keeps its own message.
 */
@Provider
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e.getCause() instanceof HubProblem problem) {
            return new HubProblemMapper().toResponse(problem);
        }
        String field = null;
        String rule = "request body is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            rule = e instanceof UnrecognizedPropertyException
                    ? "unknown property"
                    : "wrong type or value: " + e.getOriginalMessage();
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(rule, field))
                .build();
    }
}
