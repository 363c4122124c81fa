package org.learninghub.connect.lti.keys;

/**
 * The tool's private keys cannot be used (no secret configured, or the configured one does not open them):
 * nothing can be signed until an operator fixes the setting the message names.
 */
public class ToolKeysUnavailable extends RuntimeException {

    public ToolKeysUnavailable(String reason) {
        super(reason);
    }
}
