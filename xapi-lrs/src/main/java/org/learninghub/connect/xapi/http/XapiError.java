package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every xAPI error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XapiError(String error, String path) {
}
