package org.learninghub.connect.hub.admin;

/** The body of {@code PUT /admin/api/accounts/{username}/oidc-subject}: the holder's subject at the identity provider. */
public record SubjectMapping(String subject) {

    /** The column's width ({@code admin_user.oidc_subject}). */
    static final int MAX_LENGTH = 255;
}
