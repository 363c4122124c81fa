package org.learninghub.connect.lti.keys;

import java.util.List;
import java.util.Optional;

/**
 * Where the secrets that protect the tool's private keys come from. The deploying application implements
 * it (one CDI bean): it knows its settings, its data directory and its database.
 */
public interface ToolKeySecrets {

    /** The secret keys are sealed under from now on; empty when none is configured ({@link #missingReason()}). */
    Optional<KeySecret> current();

    /** Secrets stored keys may still be sealed under (a secret being replaced), tried in this order. */
    List<KeySecret> previous();

    /** Why {@link #current()} is empty: what the operator must set. */
    String missingReason();
}
