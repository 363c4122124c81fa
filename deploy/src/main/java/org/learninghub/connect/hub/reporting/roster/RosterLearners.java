package org.learninghub.connect.hub.reporting.roster;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.learninghub.connect.hub.reporting.LearnerKeys;
import org.learninghub.connect.lti.nrps.Member;

/**
 * Which members of a course are enrolled learners, as roll-up keys: those with the Learner context role whose status
 * is Active. Instructors, teaching assistants and the like take no course, and an Inactive or Deleted member has
 * left it. The key is the one the launch bridge's actor gives the same platform user ({@link LearnerKeys}).
 */
final class RosterLearners {

    static final String LEARNER = "Learner";

    private RosterLearners() {
    }

    /** The learners' keys in key order (the order rows are written in, so concurrent writers cannot deadlock). */
    static SortedSet<String> of(String issuer, Collection<Member> members) {
        SortedSet<String> keys = new TreeSet<>();
        for (Member m : members) {
            if (m.active() && m.hasRole(LEARNER)) {
                keys.add(LearnerKeys.of(issuer, m.userId()));
            }
        }
        return keys;
    }
}
