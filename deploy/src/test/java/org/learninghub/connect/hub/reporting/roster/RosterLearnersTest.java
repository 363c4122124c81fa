package org.learninghub.connect.hub.reporting.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.reporting.LearnerKeys;
import org.learninghub.connect.lti.nrps.Member;

/** Which members of a course's membership are enrolled learners, and under which key. */
class RosterLearnersTest {

    private static final String ISSUER = "https://moodle.rx1.example.org";
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    private static Member member(String sub, Member.Status status, String... roles) {
        return new Member(sub, List.of(roles), status, null, null, null, null, null, null);
    }

    @Test
    void activeLearnersAreEnrolledUnderTheKeyTheirLaunchWouldHave() {
        var learners = RosterLearners.of(ISSUER, List.of(
                member("u1", Member.Status.Active, LIS + "Learner"),
                member("u2", null, "Learner"),
                member("u3", Member.Status.Active, LIS + "Learner", LIS + "Mentor")));

        assertEquals(Set.of(LearnerKeys.of(ISSUER, "u1"), LearnerKeys.of(ISSUER, "u2"), LearnerKeys.of(ISSUER, "u3")),
                learners, "status absent means Active (NRPS §2.2); a short role name counts as the full URI");
    }

    @Test
    void instructorsInactiveAndDeletedMembersAreNotEnrolled() {
        var learners = RosterLearners.of(ISSUER, List.of(
                member("teacher", Member.Status.Active, LIS + "Instructor"),
                member("ta", Member.Status.Active, LIS + "Instructor#TeachingAssistant"),
                member("left", Member.Status.Inactive, LIS + "Learner"),
                member("gone", Member.Status.Deleted, LIS + "Learner"),
                member("nobody", Member.Status.Active),
                member("kept", Member.Status.Active, LIS + "Learner")));

        assertEquals(Set.of(LearnerKeys.of(ISSUER, "kept")), learners);
    }

    @Test
    void aMemberListedTwiceIsOneLearnerAndKeysComeInOrder() {
        var learners = RosterLearners.of(ISSUER, List.of(
                member("b", Member.Status.Active, LIS + "Learner"),
                member("a", Member.Status.Active, LIS + "Learner"),
                member("b", Member.Status.Active, LIS + "Learner")));

        assertEquals(2, learners.size());
        assertEquals(learners.stream().sorted().toList(), List.copyOf(learners));
    }
}
