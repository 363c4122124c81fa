package org.learninghub.connect.lti.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Every refused LTI request becomes a short HTML error page with its 4xx status; the reason is logged. */
@Provider
public class LtiProblemMapper implements ExceptionMapper<LtiProblem> {

    private static final Logger LOG = Logger.getLogger(LtiProblemMapper.class.getName());

    @Override
    public Response toResponse(LtiProblem problem) {
        LOG.info(() -> "LTI request refused (" + problem.status().getStatusCode() + "): " + problem.getMessage());
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(HtmlPage.page("LTI launch refused",
                        "<h1>This LTI request was refused</h1><p id=\"reason\">" + HtmlPage.escape(problem.getMessage())
                                + "</p><p>Start again from your learning platform. If this keeps happening, "
                                + "tell your platform administrator.</p>"))
                .build();
    }
}
