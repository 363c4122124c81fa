package org.learninghub.connect.hub.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

/**
 * The {@code credential} tag of a refusal, kept to a bounded set of values: the key of a credential an administrator
 * issued (only ever of a caller that authenticated, never a key from a request), {@value #LAUNCH} for every launch
 * credential (one is made per launch, so their keys would grow without end; their refusals are kept per credential
 * by the launch bridge), and {@value #OTHER} once {@link #MAX_KEYS} keys are tagged on this node.
 */
final class CredentialTags {

    static final String LAUNCH = "launch";
    static final String OTHER = "other";
    /** Far more credentials than an installation issues; a bound on memory and on the scrape's size. */
    static final int MAX_KEYS = 1000;

    private final Set<String> tagged = ConcurrentHashMap.newKeySet();
    private final int max;

    CredentialTags() {
        this(MAX_KEYS);
    }

    CredentialTags(int max) {
        this.max = max;
    }

    String of(LrsPrincipal caller) {
        if (caller.restriction().isPresent()) {
            return LAUNCH;
        }
        String key = caller.key();
        if (tagged.contains(key)) {
            return key;
        }
        // Approximate under a race by a few keys at most: a bound, not an exact count.
        if (tagged.size() < max && tagged.add(key)) {
            return key;
        }
        return tagged.contains(key) ? key : OTHER;
    }
}
