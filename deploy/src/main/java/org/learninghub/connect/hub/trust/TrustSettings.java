package org.learninghub.connect.hub.trust;

/**
 * The body of {@code PATCH /admin/api/trusts/{code}}: the trust settings to change; a field left out keeps its
 * value. Checked when it is read, so a bad value is a 400 naming the field.
 */
public record TrustSettings(String learnerIdentity) {

    public TrustSettings {
        if (learnerIdentity != null) {
            LearnerIdentity.of(learnerIdentity);
        }
    }
}
