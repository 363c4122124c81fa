package org.learninghub.connect.lti.nrps;

import java.util.List;

/** One page of {@code application/vnd.ims.lti-nrps.v2.membershipcontainer+json} as sent (NRPS 2.0 §2.2). */
record MembershipContainer(String id, MembershipContext context, List<Member> members) {

    MembershipContainer {
        if (context == null) {
            throw new IllegalArgumentException("context is required");
        }
        if (members == null) {
            throw new IllegalArgumentException("members is required");
        }
        if (members.contains(null)) {
            throw new IllegalArgumentException("members holds null");
        }
    }
}
