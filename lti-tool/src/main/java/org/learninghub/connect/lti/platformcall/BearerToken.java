package org.learninghub.connect.lti.platformcall;

/** Where a service call gets its access token, and a fresh one when the platform refused the last. */
public interface BearerToken {

    /** The token to send now (cached while it is valid). */
    String current();

    /**
     * A token other than {@code rejected}: the platform answered 401 to it. Concurrent callers that were
     * refused the same token share one new fetch.
     */
    String refreshed(String rejected);
}
