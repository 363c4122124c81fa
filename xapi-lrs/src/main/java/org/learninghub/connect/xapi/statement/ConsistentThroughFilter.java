package org.learninghub.connect.xapi.statement;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.learninghub.connect.xapi.http.XapiPaths;

/**
 * 1.0.3 Communication §2.1.3: every GET of statements answers {@code X-Experience-API-Consistent-Through},
 * refusals and 404s included (clients poll on it), with a {@code Date} header to compare it with.
 */
@Provider
public class ConsistentThroughFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<String> segments = request.getUriInfo().getPathSegments(true).stream().map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty()).toList();
        if (!segments.equals(List.of(XapiPaths.ROOT, "statements"))
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        if (!response.getHeaders().containsKey(StatementReader.CONSISTENT_THROUGH)) {
            response.getHeaders().putSingle(StatementReader.CONSISTENT_THROUGH, now());
        }
        if (!response.getHeaders().containsKey(HttpHeaders.DATE)) {
            response.getHeaders().putSingle(HttpHeaders.DATE,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
    }

    /** The instant, to the millisecond (what JavaScript's Date and most clients parse). */
    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
