package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class XapiExceptionMapper implements ExceptionMapper<XapiException> {

    @Override
    public Response toResponse(XapiException e) {
        return response(e);
    }

    /** The response for a refusal; also used by filters that abort a request. */
    public static Response response(XapiException e) {
        String body;
        try {
            body = XapiJson.MAPPER.writeValueAsString(new XapiError(e.getMessage(), e.path()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
