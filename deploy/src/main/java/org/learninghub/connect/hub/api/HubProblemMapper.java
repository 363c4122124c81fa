package org.learninghub.connect.hub.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class HubProblemMapper implements ExceptionMapper<HubProblem> {

    @Override
    public Response toResponse(HubProblem problem) {
        return Response.status(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(problem.getMessage(), problem.field()))
                .build();
    }
}
