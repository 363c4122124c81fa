package org.learninghub.connect.hub.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @Transactional} method whose transaction could not be committed (PostgreSQL killed in the
 * middle of the commit) throws {@link TransactionalException}. Jersey's own mapper for that type finds
 * no other mapper and rethrows, which Payara answered as an HTML 500 (seen in the fault suite's
 * "database killed" scenario); this one, preferred by its priority, answers as
 * {@link UnexpectedErrorMapper} does: 503 with {@code Retry-After} when the database failed.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(TransactionalException e) {
        // A refusal thrown inside the transaction keeps its own answer, as with Jersey's mapper.
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WebApplicationException refusal) {
                return new WebApplicationExceptionMapper().toResponse(refusal);
            }
            if (t instanceof HubProblem problem) {
                return new HubProblemMapper().toResponse(problem);
            }
        }
        return UnexpectedErrorMapper.respond(e, uriInfo);
    }
}
