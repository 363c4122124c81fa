package org.learninghub.connect.hub.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.learninghub.connect.hub.runtime.DatabaseFailure;
import org.learninghub.connect.hub.runtime.DatabaseOutage;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiExceptionMapper;
import org.learninghub.connect.xapi.http.XapiPaths;

/**
 * Everything no other mapper claims.
 *
 * <p>A database that cannot be used right now (down, restarting, too slow, no free connection; see
 * {@link DatabaseFailure}) is not our fault: a 503 with {@code Retry-After} and the JSON error of the
 * request's family (xAPI under {@code /xapi}, the Hub's elsewhere), logged once per outage by
 * {@link DatabaseOutage}, never a stack trace per request.
 *
 * <p>Anything else is our own fault: logged in full with a reference, answered as a 500 that holds only
 * the reference, never a stack trace. Refusals of bad input have their own mappers and never arrive here.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    /** Seconds a client is asked to wait: about the time the pool needs to notice the database is back. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Exception e) {
        return respond(e, uriInfo);
    }

    static Response respond(Exception e, UriInfo uriInfo) {
        var failure = DatabaseFailure.of(e);
        if (failure.isPresent()) {
            DatabaseOutage.INSTANCE.refused(failure.get(), e);
            return unavailable(failure.get(), uriInfo);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("internal error; the server log holds reference " + reference, null))
                .build();
    }

    private static Response unavailable(DatabaseFailure failure, UriInfo uriInfo) {
        Response response = isXapi(uriInfo)
                ? XapiExceptionMapper.response(new XapiException(Response.Status.SERVICE_UNAVAILABLE, null, failure.rule()))
                : Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody(failure.rule(), null))
                        .build();
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static boolean isXapi(UriInfo uriInfo) {
        return uriInfo != null && XapiPaths.isXapi(uriInfo);
    }
}
