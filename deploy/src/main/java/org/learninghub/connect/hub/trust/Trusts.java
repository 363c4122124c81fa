package org.learninghub.connect.hub.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;

/** Where trusts are kept. */
@ApplicationScoped
public class Trusts {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Transactional
    public Trust create(NewTrust request) {
        if (find(request.code()).isPresent()) {
            throw HubProblem.conflict("code", "a trust with code " + request.code() + " already exists");
        }
        Trust trust = new Trust(new TrustCode(request.code()), request.name().strip(), Instant.now());
        em.persist(trust);
        return trust;
    }

    @Transactional
    public Optional<Trust> find(String code) {
        return em.createQuery("select t from Trust t where t.code = :c", Trust.class)
                .setParameter("c", code)
                .getResultStream()
                .findFirst();
    }

    /** The trust with this code, or a 404 naming it. */
    public Trust require(String code) {
        return find(code).orElseThrow(() -> HubProblem.notFound("trust " + code));
    }

    /** The trust whose id is this tenant id. */
    @Transactional
    public Optional<Trust> find(long tenantId) {
        return Optional.ofNullable(em.find(Trust.class, tenantId));
    }

    /** Changes the settings the request names; the others stay. */
    @Transactional
    public Trust change(String code, TrustSettings settings) {
        Trust trust = require(code);
        if (settings.learnerIdentity() != null) {
            trust.learnerIdentity(LearnerIdentity.of(settings.learnerIdentity()));
        }
        return trust;
    }

    @Transactional
    public List<Trust> all() {
        return em.createQuery("select t from Trust t order by t.code", Trust.class).getResultList();
    }
}
