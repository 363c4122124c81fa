package org.learninghub.connect.lti.registration.dynamic;

/**
 * Where dynamic registrations are authorised and kept. The deploying application implements it (one CDI
 * bean): it issues the one-time registration links, knows which tenant each belongs to, and stores the
 * platform registration the way its administrators' registrations are stored, so launches work at once.
 */
public interface DynamicRegistrationStore {

    /**
     * Takes the link for one registration: from now on no other request can use it. Throws a
     * {@link RegistrationFailure} (4xx) when the link is unknown, used or expired.
     */
    RegistrationLink claim(String linkToken);

    /** The registration failed before anything was stored: the link may be used again (until it expires). */
    void release(RegistrationLink link);

    /**
     * Stores the platform's registration for the link's tenant and marks the link used by it. Throws a
     * {@link RegistrationFailure} when the store refuses it (e.g. the issuer and client_id are registered
     * already).
     *
     * @return the new registration's id
     */
    long register(RegistrationLink link, RegisteredPlatform platform);
}
