package org.learninghub.connect.lti.platformcall;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** A 2xx answer from a platform: its body, read whole but never beyond the size limit. */
public record PlatformResponse(int status, HttpHeaders headers, byte[] body) {

    public PlatformResponse {
        Objects.requireNonNull(headers);
        Objects.requireNonNull(body);
    }
}
