package org.learninghub.connect.hub.catalogue;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/**
 * Metadata the rules rejected: a 400 (409 for a duplicate) in the admin error shape, the first rejected rule as
 * {@code error}/{@code field}, and every problem found, so one round trip shows everything to fix.
 */
final class Refusal {

    record Body(String error, String field, List<Problem> problems) {
    }

    private Refusal() {
    }

    static WebApplicationException of(List<Problem> problems) {
        Problem first = problems.stream().filter(Problem::isRejected).findFirst().orElseThrow();
        int status = first.rule().startsWith("duplicate") ? 409 : 400;
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(first.rule(), first.field(), problems)).build());
    }
}
