package org.learninghub.connect.hub.reporting;

import org.learninghub.connect.xapi.agent.Ifi;

/**
 * The roll-ups' key of an LTI learner, computed without a statement: the launch bridge's actor is the pseudonymous
 * account named by the platform's issuer and the LTI {@code sub}, and a statement's learner is the SHA-256 of its
 * actor's IFI ({@link StatementFacts#learner}). A roster member keyed here is the same learner when they launch.
 */
public final class LearnerKeys {

    private LearnerKeys() {
    }

    public static String of(String issuer, String subject) {
        return StatementFacts.sha256(new Ifi.Account(issuer, subject).key());
    }
}
