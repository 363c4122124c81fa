package org.learninghub.connect.hub.limits;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.learninghub.connect.hub.api.ErrorBody;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.page.LtiProblemMapper;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiExceptionMapper;

/** How each part of the server answers a refusal, so a 413 looks like that part's other errors. */
enum ErrorShape {

    /** {@code {"error":…,"path":…}}, as every xAPI error. */
    XAPI {
        @Override
        Response tooLarge(String rule) {
            return XapiExceptionMapper.response(new XapiException(Status.REQUEST_ENTITY_TOO_LARGE, null, rule));
        }
    },
    /** The short HTML page of a refused LTI request. */
    LTI {
        @Override
        Response tooLarge(String rule) {
            return new LtiProblemMapper().toResponse(new LtiProblem(Status.REQUEST_ENTITY_TOO_LARGE, rule));
        }
    },
    /** The admin API's {@link ErrorBody}. */
    ADMIN {
        @Override
        Response tooLarge(String rule) {
            return Response.status(Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(rule, null)).build();
        }
    };

    abstract Response tooLarge(String rule);
}
