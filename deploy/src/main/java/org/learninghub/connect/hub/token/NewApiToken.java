package org.learninghub.connect.hub.token;

/** The body of {@code POST /admin/api/account/tokens}: a name to recognise the token by, and its lifetime. */
public record NewApiToken(String name, Integer expiresInDays) {
}
