package org.learninghub.connect.xapi.http;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request the LRS refuses: the HTTP status the xAPI specification names for the case, the JSON path
 * (or request parameter) at fault, and the rule broken. Turned into {@code {"error":…,"path":…}}
 * by {@link XapiExceptionMapper}.
 */
public class XapiException extends RuntimeException {

    private final Status status;
    private final String path;

    public XapiException(Status status, String path, String rule) {
        super(rule);
        this.status = status;
        this.path = path;
    }

    /** 400: the request or the statement breaks a rule of the specification. */
    public static XapiException invalid(String path, String rule) {
        return new XapiException(Status.BAD_REQUEST, path, rule);
    }

    public static XapiException forbidden(String rule) {
        return new XapiException(Status.FORBIDDEN, null, rule);
    }

    public static XapiException notFound(String what) {
        return new XapiException(Status.NOT_FOUND, null, what + " not found");
    }

    public static XapiException conflict(String path, String rule) {
        return new XapiException(Status.CONFLICT, path, rule);
    }

    public static XapiException preconditionFailed(String rule) {
        return new XapiException(Status.PRECONDITION_FAILED, null, rule);
    }

    public Status status() {
        return status;
    }

    /** The JSON path or parameter name at fault, or null when the whole request is. */
    public String path() {
        return path;
    }
}
