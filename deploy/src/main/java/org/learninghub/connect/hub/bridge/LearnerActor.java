package org.learninghub.connect.hub.bridge;

import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;

/**
 * The pseudonymous xAPI actor of an LTI learner: an account on the platform (its issuer) named by the LTI
 * {@code sub}. No name and no e-mail, so statements identify nobody without the Hub's mapping.
 */
final class LearnerActor {

    private LearnerActor() {
    }

    static Agent of(String issuer, String subject) {
        return Agent.of(new Ifi.Account(issuer, subject));
    }
}
