package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

@Provider
public class XapiExceptionMapper implements ExceptionMapper<XapiException> {

    private static final Logger LOG = Logger.getLogger(XapiExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    @Any
    Instance<RefusalListener> listeners;

    @Override
    public Response toResponse(XapiException e) {
        tell(e);
        return response(e);
    }

    /** The listeners hear of refusals of authenticated callers; a failing listener never changes the answer. */
    private void tell(XapiException e) {
        if (listeners == null || listeners.isUnsatisfied() || request == null
                || !(request.getAttribute(LrsPrincipal.REQUEST_ATTRIBUTE) instanceof LrsPrincipal principal)) {
            return;
        }
        Object body = request.getAttribute(Refusal.BODY_ATTRIBUTE);
        String query = request.getQueryString();
        Refusal refusal = new Refusal(e.status().getStatusCode(), e.getMessage(), e.path(), request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query),
                body == null ? null : Refusal.cut(body.toString(), Refusal.MAX_EXCERPT));
        for (RefusalListener listener : listeners) {
            try {
                listener.refused(principal, refusal);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "a refusal listener failed: {0}", failed.toString());
            }
        }
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
