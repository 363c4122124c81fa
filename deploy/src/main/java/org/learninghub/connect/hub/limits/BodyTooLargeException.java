package org.learninghub.connect.hub.limits;

import java.io.IOException;

/**
 * Thrown by a request body read past its limit. An {@link IOException}, so readers that pass I/O failures on
 * (Jackson, the runtime's entity readers) do so unchanged and {@link BodyTooLargeMapper} answers it; where a
 * reader turns it into something else, {@link BodyLimitFilter} still answers 413.
 */
public class BodyTooLargeException extends IOException {

    private final transient BodyFamily family;
    private final long limit;

    BodyTooLargeException(BodyFamily family, long limit) {
        super(family.rule(limit));
        this.family = family;
        this.limit = limit;
    }

    BodyFamily family() {
        return family;
    }

    long limit() {
        return limit;
    }
}
