package org.learninghub.connect.hub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * The LTI tool's {@link RegistrationStore}: the trusts' platform registrations. A registration is active
 * only while both it and its trust are.
 */
@ApplicationScoped
public class HubRegistrationStore implements RegistrationStore {

    @Inject
    Platforms platforms;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    @Transactional
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return platforms.find(issuer, clientId).map(this::toRegistration);
    }

    @Override
    @Transactional
    public List<PlatformRegistration> findByIssuer(String issuer) {
        return platforms.findByIssuer(issuer).stream().map(this::toRegistration).toList();
    }

    @Override
    @Transactional
    public Optional<PlatformRegistration> findById(long id) {
        return platforms.findById(id).map(this::toRegistration);
    }

    private PlatformRegistration toRegistration(Platform p) {
        Trust trust = em.find(Trust.class, p.tenantId());
        boolean active = p.status() == Platform.Status.ACTIVE && trust != null && trust.isActive();
        return new PlatformRegistration(p.id(), p.tenantId(), p.issuer(), p.clientId(), p.deploymentIds(),
                URI.create(p.authLoginUrl()), Optional.of(URI.create(p.accessTokenUrl())), p.accessTokenAudience(),
                p.jwksUrl().map(URI::create), p.publicJwk(), active);
    }
}
