package org.learninghub.connect.lti.registration.dynamic;

/**
 * A claimed registration link: the store's id for it and the tenant the registration will belong to.
 * The link's token is not kept here: it is a bearer secret, used once to claim and then forgotten.
 */
public record RegistrationLink(long id, long tenantId) {
}
