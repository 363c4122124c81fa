package org.learninghub.connect.hub.limits;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body found too large while the runtime read it for a resource method: the family's 413, not an unexpected
 * error (which would be logged as our fault).
 */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {

    @Override
    public Response toResponse(BodyTooLargeException e) {
        return BodyLimitFilter.tooLarge(e.family(), e.limit());
    }
}
