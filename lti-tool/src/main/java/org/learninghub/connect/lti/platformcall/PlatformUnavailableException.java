package org.learninghub.connect.lti.platformcall;

/**
 * The platform could not be reached or kept answering 5xx/429 until the attempts or the time allowed for
 * retries ran out; or it answered with a redirect, which the tool does not follow. Worth trying again later.
 */
public final class PlatformUnavailableException extends PlatformCallException {

    public PlatformUnavailableException(String message) {
        super(message);
    }

    public PlatformUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
