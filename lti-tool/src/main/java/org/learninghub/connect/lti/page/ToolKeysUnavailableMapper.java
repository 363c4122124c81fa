package org.learninghub.connect.lti.page;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.learninghub.connect.lti.keys.ToolKeysUnavailable;

/**
 * The tool cannot sign (its keys' secret is missing or wrong): a 503 page for the user; what the operator
 * must change is in the log and in the readiness check, not on the page.
 */
@Provider
public class ToolKeysUnavailableMapper implements ExceptionMapper<ToolKeysUnavailable> {

    private static final Logger LOG = Logger.getLogger(ToolKeysUnavailableMapper.class.getName());

    @Override
    public Response toResponse(ToolKeysUnavailable e) {
        LOG.warning(() -> "LTI request refused (503): tool keys unavailable: " + e.getMessage());
        return new LtiProblemMapper().toResponse(new LtiProblem(Response.Status.SERVICE_UNAVAILABLE,
                "The Hub cannot sign its answer to your platform right now. Please try again later."));
    }
}
