package org.learninghub.connect.hub.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.platform.Platform;
import org.learninghub.connect.hub.platform.PlatformInput;
import org.learninghub.connect.hub.platform.Platforms;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;
import org.learninghub.connect.lti.login.Randoms;
import org.learninghub.connect.lti.registration.dynamic.DynamicRegistrationStore;
import org.learninghub.connect.lti.registration.dynamic.RegisteredPlatform;
import org.learninghub.connect.lti.registration.dynamic.RegistrationFailure;
import org.learninghub.connect.lti.registration.dynamic.RegistrationLink;
import org.learninghub.connect.lti.registration.dynamic.RegistrationSettings;

/**
 * Registration links (table {@code registration_link}) and the LTI tool's {@link DynamicRegistrationStore}.
 *
 * <p>A link is claimed by one conditional update (not yet claimed, or claimed so long ago that the
 * registration must have died with its node; not expired): of two requests racing with one link, exactly
 * one gets it. The registration it leads to is stored in the same transaction that marks the link used.
 */
@ApplicationScoped
public class RegistrationLinks implements DynamicRegistrationStore {

    /** A claim older than this without a registration is taken to have died (node crash) and may be retried. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(RegistrationLinks.class.getName());

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Trusts trusts;

    @Inject
    Platforms platforms;

    @Inject
    RegistrationSettings settings;

    /** A new link for the trust; the token is returned once and only its hash is kept. */
    @Transactional
    public Issued issue(String trustCode) {
        Trust trust = trusts.require(trustCode);
        String token = Randoms.token();
        Instant now = Instant.now();
        Instant expires = now.plus(settings.linkValidity());
        long id = ((Number) em.createNativeQuery("select nextval('registration_link_seq')").getSingleResult()).longValue();
        em.createNativeQuery("insert into registration_link (id, tenant_id, token_hash, created, expires)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, trust.id())
                .setParameter(3, LinkToken.hash(token))
                .setParameter(4, utc(now))
                .setParameter(5, utc(expires))
                .executeUpdate();
        LOG.info(() -> "Registration link " + id + " issued for trust " + trustCode + ", valid until " + expires);
        return new Issued(token, expires);
    }

    /** A link's token, shown once, and its expiry. */
    public record Issued(String token, Instant expires) {
    }

    @Override
    @Transactional
    public RegistrationLink claim(String linkToken) {
        String hash = LinkToken.hash(linkToken);
        Instant now = Instant.now();
        int claimed = em.createNativeQuery("update registration_link set claimed = ? where token_hash = ?"
                        + " and registration_id is null and expires > ? and (claimed is null or claimed < ?)")
                .setParameter(1, utc(now))
                .setParameter(2, hash)
                .setParameter(3, utc(now))
                .setParameter(4, utc(now.minus(STALE_CLAIM)))
                .executeUpdate();
        List<?> rows = em.createNativeQuery("select id, tenant_id, registration_id, expires, claimed"
                        + " from registration_link where token_hash = ?")
                .setParameter(1, hash)
                .getResultList();
        if (rows.isEmpty()) {
            throw RegistrationFailure.link(Status.NOT_FOUND, "This registration link is not known. Ask the Hub's"
                    + " administrator for a new one.");
        }
        Object[] row = (Object[]) rows.get(0);
        if (claimed == 1) {
            return new RegistrationLink(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        if (row[2] != null) {
            throw RegistrationFailure.link(Status.GONE, "This registration link was used already: it registers one"
                    + " platform only. Ask the Hub's administrator for a new one.");
        }
        if (!instant(row[3]).isAfter(now)) {
            throw RegistrationFailure.link(Status.GONE, "This registration link expired on " + instant(row[3])
                    + ". Ask the Hub's administrator for a new one.");
        }
        throw RegistrationFailure.link(Status.CONFLICT, "A registration with this link is under way; wait for it"
                + " to finish, then start again if it failed.");
    }

    @Override
    @Transactional
    public void release(RegistrationLink link) {
        em.createNativeQuery("update registration_link set claimed = null where id = ? and registration_id is null")
                .setParameter(1, link.id())
                .executeUpdate();
    }

    @Override
    @Transactional
    public long register(RegistrationLink link, RegisteredPlatform platform) {
        Trust trust = em.find(Trust.class, link.tenantId());
        if (trust == null) {
            throw RegistrationFailure.link(Status.NOT_FOUND, "The trust of this registration link is gone.");
        }
        Platform created;
        try {
            created = platforms.create(trust.code(), new PlatformInput(platform.issuer(), platform.clientId(),
                    List.of(platform.deploymentId()), platform.authLoginUrl().toString(),
                    platform.accessTokenUrl().toString(), null, platform.jwksUrl().toString(), null));
        } catch (HubProblem refused) {
            throw RegistrationFailure.refused("The Hub cannot store this registration: "
                    + (refused.field() == null ? "" : refused.field() + " ") + refused.getMessage());
        }
        em.flush();
        em.createNativeQuery("update registration_link set registration_id = ? where id = ?")
                .setParameter(1, created.id())
                .setParameter(2, link.id())
                .executeUpdate();
        return created.id();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
