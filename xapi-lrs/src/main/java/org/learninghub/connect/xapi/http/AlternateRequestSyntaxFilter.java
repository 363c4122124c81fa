package org.learninghub.connect.xapi.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    static final Set<String> METHODS = Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE,
            HttpMethod.HEAD);

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!XapiPaths.isXapi(request.getUriInfo())
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
        Map<String, String> form = AlternateSyntaxForm.parse(formBytes(request)).fields();
        String version = form.getOrDefault("x-experience-api-version", request.getHeaderString(XapiVersion.HEADER));
        if (XapiVersion.parse(version).map(XapiVersion::isAtLeast2).orElse(false)) {
            throw XapiException.invalid("method", "the alternate request syntax is not part of xAPI 2.0.0");
        }
        StringBuilder query = new StringBuilder();
        String content = "";
        for (Map.Entry<String, String> field : form.entrySet()) {
            String name = field.getKey();
            if (AlternateSyntaxForm.HEADERS.contains(name)) {
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

    /**
     * The form bytes: as the authentication step read them (the form carries the credentials), or read
     * here, never more than the limit.
     */
    private byte[] formBytes(ContainerRequestContext request) {
        if (servletRequest != null && servletRequest.getAttribute(AlternateSyntaxForm.BODY_ATTRIBUTE) instanceof byte[] read) {
            return read;
        }
        int max = AlternateSyntaxForm.maxBytes();
        try {
            byte[] body = request.getEntityStream().readNBytes(max + 1);
            if (body.length > max) {
                throw new XapiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content",
                        "an alternate-syntax form may hold at most " + max + " bytes (" + AlternateSyntaxForm.LIMIT_KEY + ")");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
