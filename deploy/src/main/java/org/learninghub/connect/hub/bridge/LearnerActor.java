package org.learninghub.connect.hub.bridge;

import java.util.Optional;
import org.learninghub.connect.hub.trust.LearnerIdentity;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;

/**
 * The xAPI actor of an LTI learner. Its one identifier (an Agent has exactly one IFI, xAPI 1.0.3 Data §2.4.2.1)
 * is always the pseudonymous account on the platform (its issuer) named by the LTI {@code sub}: stable, unique per
 * platform, and what every launch credential's restriction and every data-rights query match on. A trust that opted
 * in ({@link LearnerIdentity#NAMED}) adds the LMS's display name as the Agent's {@code name}, which xAPI treats as a
 * label, not an identifier; the e-mail never becomes {@code mbox} (a second IFI is not allowed, and replacing the
 * account would split a learner whose address changes).
 */
final class LearnerActor {

    /** The longest name put in a statement (and kept in {@code learner_mapping.learner_name}). */
    static final int MAX_NAME = 255;
    /** The longest e-mail kept in {@code learner_mapping.learner_email} (RFC 5321 path limit); longer is dropped. */
    static final int MAX_EMAIL = 320;

    private LearnerActor() {
    }

    /** The pseudonymous actor: the account alone (restrictions and data-rights requests compare this IFI). */
    static Agent of(String issuer, String subject) {
        return Agent.of(new Ifi.Account(issuer, subject));
    }

    /** The actor of this launch under the trust's setting. */
    static Agent of(LaunchContext launch, LearnerIdentity identity) {
        Agent pseudonymous = of(launch.issuer(), launch.subject().orElseThrow());
        return identity == LearnerIdentity.NAMED
                ? name(launch).map(n -> new Agent(Optional.of(n), pseudonymous.ifi())).orElse(pseudonymous)
                : pseudonymous;
    }

    /** The LTI {@code name} claim, trimmed, cut to {@link #MAX_NAME} characters (never inside a code point). */
    static Optional<String> name(LaunchContext launch) {
        return launch.name().map(String::strip).filter(n -> !n.isEmpty()).map(LearnerActor::cut);
    }

    /** The LTI {@code email} claim when it fits the mapping's column; kept there only, never in a statement. */
    static Optional<String> email(LaunchContext launch) {
        return launch.email().map(String::strip).filter(e -> !e.isEmpty() && e.length() <= MAX_EMAIL);
    }

    private static String cut(String value) {
        if (value.length() <= MAX_NAME) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
        return value.substring(0, end);
    }
}
