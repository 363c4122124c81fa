package org.learninghub.connect.xapi.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 1.0.3 Communication §1.3, the alternate request syntax for clients that can only POST forms: a POST
 * with the single query parameter {@code method} and a form body carrying the headers, the
 * {@code content} and the other parameters is turned into the request it stands for, before version
 * checking and authentication see it. It is not part of 2.0.0, so a 2.0.0 request using it is a 400.
 */
@Provider
@PreMatching
@Priority(XapiPaths.ALTERNATE_SYNTAX_PRIORITY)
public class AlternateRequestSyntaxFilter implements ContainerRequestFilter {

    /** The form fields that are request headers (1.0.3 Communication §1.3). */
    static final Set<String> HEADERS = Set.of("authorization", "x-experience-api-version", "content-type",
            "content-length", "if-match", "if-none-match", "accept-language");
    static final Set<String> METHODS = Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE,
            HttpMethod.HEAD);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!XapiPaths.isXapi(request.getUriInfo().getPath())
                || !request.getUriInfo().getQueryParameters().containsKey("method")) {
            return;
        }
        try {
            rewrite(request);
        } catch (XapiException e) {
            request.abortWith(XapiExceptionMapper.response(e));
        }
    }

    private void rewrite(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            throw XapiException.invalid("method", "the alternate request syntax is a POST");
        }
        if (request.getUriInfo().getQueryParameters().size() > 1) {
            throw XapiException.invalid("method", "with the alternate request syntax, method must be the only query "
                    + "parameter; the others go in the form body");
        }
        String method = request.getUriInfo().getQueryParameters().getFirst("method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw XapiException.invalid("method", "must be one of " + METHODS);
        }
        // Read the header itself: getMediaType() would cache the form type past the rewrite below.
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            throw XapiException.invalid(HttpHeaders.CONTENT_TYPE,
                    "the alternate request syntax needs a body of type application/x-www-form-urlencoded");
        }
        Map<String, String> form = form(request);
        String version = form.getOrDefault("x-experience-api-version", request.getHeaderString(XapiVersion.HEADER));
        if (XapiVersion.parse(version).map(XapiVersion::isAtLeast2).orElse(false)) {
            throw XapiException.invalid("method", "the alternate request syntax is not part of xAPI 2.0.0");
        }
        StringBuilder query = new StringBuilder();
        String content = "";
        for (Map.Entry<String, String> field : form.entrySet()) {
            String name = field.getKey();
            if (HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                request.getHeaders().putSingle(name, field.getValue());
            } else if (name.equals("content")) {
                content = field.getValue();
            } else {
                query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(field.getValue()));
            }
        }
        if (!form.containsKey("content-type") && !content.isEmpty()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUriBuilder().replaceQuery(null).build();
        request.setRequestUri(request.getUriInfo().getBaseUri(),
                URI.create(uri + (query.isEmpty() ? "" : "?" + query)));
        request.setMethod(method);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The form body; header field names are matched without regard to case. */
    private static Map<String, String> form(ContainerRequestContext request) {
        String body;
        try {
            body = new String(request.getEntityStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name, value);
        }
        return form;
    }
}
