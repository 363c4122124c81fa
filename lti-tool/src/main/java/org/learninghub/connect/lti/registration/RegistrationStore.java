package org.learninghub.connect.lti.registration;

import java.util.List;
import java.util.Optional;

/**
 * Where the tool finds platform registrations. The deploying application implements it (one CDI bean);
 * inactive registrations are returned with {@code active=false} so the tool can say why it refuses.
 */
public interface RegistrationStore {

    /** The registration of this issuer and client_id. */
    Optional<PlatformRegistration> find(String issuer, String clientId);

    /** Every registration of this issuer (a login without client_id is accepted only when there is one). */
    List<PlatformRegistration> findByIssuer(String issuer);

    Optional<PlatformRegistration> findById(long id);
}
