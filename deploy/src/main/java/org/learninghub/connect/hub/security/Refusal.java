package org.learninghub.connect.hub.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.learninghub.connect.hub.api.ErrorBody;
import org.learninghub.connect.hub.api.HubObjectMapper;
import org.learninghub.connect.xapi.http.XapiError;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.http.XapiVersionFilter;

/**
 * A request the authentication step turns away before any resource runs, answered in the JSON error
 * shape its caller reads: the xAPI error for the LRS (with the version header and CORS origin a
 * browser-based xAPI client needs to see the refusal), the Hub's error body for everything else.
 */
record Refusal(int status, String field, String message) {

    static final String ADMIN_REALM = "Basic realm=\"Learning Hub Connect administration\"";
    static final String XAPI_REALM = "Basic realm=\"xAPI\"";

    void send(HttpServletRequest request, HttpServletResponse response, boolean challenge) throws IOException {
        boolean xapi = isXapi(request);
        response.setStatus(status);
        // The hardening headers every xAPI and admin answer carries: a refusal is data, never a page.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (request.getContentLengthLong() != 0) {
            // The body is left unread; closing is cheaper than draining whatever the caller still sends.
            response.setHeader("Connection", "close");
        }
        if (challenge) {
            response.setHeader("WWW-Authenticate", xapi ? XAPI_REALM : ADMIN_REALM);
        }
        Object body;
        if (xapi) {
            String asked = request.getHeader(XapiVersion.HEADER);
            response.setHeader(XapiVersion.HEADER, XapiVersion.parse(asked)
                    .orElse(XapiVersionFilter.defaultVersion()).header());
            String origin = request.getHeader("Origin");
            if (origin != null) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.addHeader("Vary", "Origin");
            }
            body = new XapiError(message, field);
        } else {
            body = new ErrorBody(message, field);
        }
        byte[] json;
        try {
            json = HubObjectMapper.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /**
     * Whether the caller speaks xAPI, judged on the container's decoded, normalised path (servlet path
     * and path info carry no matrix parameters). This picks the error's shape only, never who may pass.
     */
    static boolean isXapi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/xapi") || path.startsWith("/xapi/");
    }
}
