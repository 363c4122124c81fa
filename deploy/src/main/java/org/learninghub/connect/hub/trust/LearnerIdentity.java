package org.learninghub.connect.hub.trust;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * How a trust's learners appear in the xAPI statements of their launches (federation.md, "Learner identity").
 * Either way the Agent's one identifier is the pseudonymous LTI account; {@link #NAMED} adds the LMS's display
 * name, which a trust must opt in to because statements then name a person to anyone who can read them.
 */
public enum LearnerIdentity {
    /** {@code {"account":{"homePage":<issuer>,"name":<sub>}}} and nothing else: the default. */
    PSEUDONYMOUS,
    /** The same account, plus {@code "name"}: the LTI {@code name} claim. */
    NAMED;

    public static final String FIELD = "learnerIdentity";

    /** The value in the API and in the database: the lower-case name. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value an administrator sent, or a 400 naming the field and the allowed values. */
    public static LearnerIdentity of(String token) {
        for (LearnerIdentity value : values()) {
            if (value.token().equals(token)) {
                return value;
            }
        }
        throw HubProblem.badRequest(FIELD, "must be one of " + Arrays.stream(values()).map(LearnerIdentity::token)
                .collect(Collectors.joining(", ")));
    }
}
