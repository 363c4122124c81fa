package org.learninghub.connect.lti.nrps;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A context's members as the platform listed them (NRPS 2.0 §2.2), every page joined.
 *
 * @param differences the §2.4.3 link to ask, later, only for what changed since this read
 */
public record Membership(String id, MembershipContext context, List<Member> members, Optional<URI> differences) {

    public Membership {
        Objects.requireNonNull(context, "context is required");
        members = List.copyOf(members);
        differences = Objects.requireNonNullElse(differences, Optional.empty());
    }

    /** Members whose status is Active: those who should complete the context's activities. */
    public List<Member> activeMembers() {
        return members.stream().filter(Member::active).toList();
    }
}
