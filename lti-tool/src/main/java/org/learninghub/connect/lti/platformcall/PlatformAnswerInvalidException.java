package org.learninghub.connect.lti.platformcall;

/** The platform answered 2xx, but with something the service specification does not allow, or too much of it. */
public final class PlatformAnswerInvalidException extends PlatformCallException {

    public PlatformAnswerInvalidException(String message) {
        super(message);
    }

    public PlatformAnswerInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
