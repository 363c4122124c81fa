package org.learninghub.connect.hub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;
import org.learninghub.connect.lti.migration.Lti1p1Consumers;

/** Where platform registrations are kept; every admin operation is scoped to one trust. */
@ApplicationScoped
public class Platforms {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Trusts trusts;

    @Inject
    Lti1p1Consumers lti11;

    @Transactional
    public Platform create(String trustCode, PlatformInput input) {
        Trust trust = trusts.require(trustCode);
        requireUnique(input, Optional.empty());
        Platform platform = new Platform(trust.id(), input, Instant.now());
        em.persist(platform);
        if (input.lti11ConsumerKey() != null) {
            if (input.lti11Secret() == null) {
                throw HubProblem.badRequest("lti11Secret", "is required with lti11ConsumerKey");
            }
            em.flush();
            lti11.set(platform.id(), input.lti11ConsumerKey(), input.lti11Secret());
        }
        return platform;
    }

    @Transactional
    public List<Platform> list(String trustCode) {
        Trust trust = trusts.require(trustCode);
        return em.createQuery("select p from Platform p where p.tenantId = :t order by p.id", Platform.class)
                .setParameter("t", trust.id())
                .getResultList();
    }

    /** The trust's registration with this id, or a 404: another trust's registration is not found either. */
    @Transactional
    public Platform require(String trustCode, long id) {
        Trust trust = trusts.require(trustCode);
        Platform platform = em.find(Platform.class, id);
        if (platform == null || platform.tenantId() != trust.id()) {
            throw HubProblem.notFound("platform registration " + id + " of trust " + trustCode);
        }
        return platform;
    }

    @Transactional
    public Platform update(String trustCode, long id, PlatformInput input) {
        Platform platform = require(trustCode, id);
        requireUnique(input, Optional.of(id));
        platform.apply(input, Instant.now());
        if (input.lti11ConsumerKey() == null) {
            lti11.remove(id);
        } else if (input.lti11Secret() != null) {
            lti11.set(id, input.lti11ConsumerKey(), input.lti11Secret());
        } else if (!lti11.consumerKey(id).map(input.lti11ConsumerKey()::equals).orElse(false)) {
            throw HubProblem.badRequest("lti11Secret", "is required when lti11ConsumerKey is new or changed");
        }
        return platform;
    }

    @Transactional
    public Platform setStatus(String trustCode, long id, Platform.Status status) {
        Platform platform = require(trustCode, id);
        platform.setStatus(status, Instant.now());
        return platform;
    }

    @Transactional
    public Optional<Platform> find(String issuer, String clientId) {
        return em.createQuery("select p from Platform p where p.issuer = :i and p.clientId = :c", Platform.class)
                .setParameter("i", issuer)
                .setParameter("c", clientId)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public List<Platform> findByIssuer(String issuer) {
        return em.createQuery("select p from Platform p where p.issuer = :i", Platform.class)
                .setParameter("i", issuer)
                .getResultList();
    }

    @Transactional
    public Optional<Platform> findById(long id) {
        return Optional.ofNullable(em.find(Platform.class, id));
    }

    /** The registration's LTI 1.1 consumer key, if it keeps one. */
    public Optional<String> lti11ConsumerKey(long id) {
        return lti11.consumerKey(id);
    }

    /** Security Framework §5.1.2: issuer + client_id identify one registration in the whole Hub. */
    private void requireUnique(PlatformInput input, Optional<Long> self) {
        find(input.issuer(), input.clientId())
                .filter(existing -> self.map(id -> existing.id() != id).orElse(true))
                .ifPresent(existing -> {
                    throw HubProblem.conflict("clientId",
                            "a platform with this issuer and clientId is already registered");
                });
    }
}
