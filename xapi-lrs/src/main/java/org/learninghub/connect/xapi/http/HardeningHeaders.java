package org.learninghub.connect.xapi.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Every xAPI answer is data for a program, never a page for a browser: whatever content type a document was
 * stored with (text/html, SVG), the browser must not sniff it into something else, run its script, frame it,
 * send the LRS's URL on as a referrer, or keep it in a shared cache. The headers are set on every answer of an
 * xAPI resource (recognised by the resource class matched, or by the path when nothing matched: refusals), and
 * are no part of xAPI itself, so its conformance rules are untouched.
 */
@Provider
public class HardeningHeaders implements ContainerResponseFilter {

    /** No source of any kind, no framing, and a sandbox: a stored HTML document is inert even if opened. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /** {@code org.learninghub.connect.xapi}: every xAPI resource lives below it. */
    private static final String XAPI_PACKAGE = XapiPaths.class.getPackageName()
            .substring(0, XapiPaths.class.getPackageName().lastIndexOf('.'));

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isXapi(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            // Learners' records and credentials' answers: no shared or browser cache keeps a copy.
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private boolean isXapi(ContainerRequestContext request) {
        Class<?> matched = resource.getResourceClass();
        if (matched != null) {
            String pkg = matched.getPackageName();
            return pkg.equals(XAPI_PACKAGE) || pkg.startsWith(XAPI_PACKAGE + ".");
        }
        return XapiPaths.isXapi(request.getUriInfo());
    }
}
