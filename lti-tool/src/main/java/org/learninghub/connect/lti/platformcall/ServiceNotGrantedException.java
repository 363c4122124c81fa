package org.learninghub.connect.lti.platformcall;

/**
 * The launch did not grant what the operation needs (a scope missing from the AGS endpoint claim, no
 * line item URL, no NRPS claim): refused before anything is sent to the platform.
 */
public final class ServiceNotGrantedException extends PlatformCallException {

    public ServiceNotGrantedException(String message) {
        super(message);
    }
}
