package org.learninghub.connect.hub.admin;

/** The body of {@code PUT /admin/api/account/password}: the caller's current password and the new one. */
public record PasswordChange(String current, String password) {
}
