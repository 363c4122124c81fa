package org.learninghub.connect.lti.platformcall;

/** The platform answered with a 4xx (after one token refresh for a 401): retrying the same call cannot help. */
public final class PlatformRefusedException extends PlatformCallException {

    private final int status;

    public PlatformRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the platform answered. */
    public int status() {
        return status;
    }
}
