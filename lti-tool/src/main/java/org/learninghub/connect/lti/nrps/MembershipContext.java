package org.learninghub.connect.lti.nrps;

/** The context a membership container describes (NRPS 2.0 §2.2): its id is required. */
public record MembershipContext(String id, String label, String title) {

    public MembershipContext {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("context.id is required");
        }
    }
}
