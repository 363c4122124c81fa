package org.learninghub.connect.hub.admin;

/** The body of {@code POST /admin/api/accounts/{username}/password}: a hub-admin sets a new password. */
public record PasswordReset(String password) {
}
