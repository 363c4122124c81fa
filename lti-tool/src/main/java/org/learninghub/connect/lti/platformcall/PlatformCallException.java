package org.learninghub.connect.lti.platformcall;

/**
 * A platform service call that did not give the tool what it asked for. The subclasses say why; the message
 * never carries more than a short, control-character-free excerpt of what the platform answered.
 */
public abstract class PlatformCallException extends RuntimeException {

    protected PlatformCallException(String message) {
        super(message);
    }

    protected PlatformCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
