package org.learninghub.connect.hub.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.auth.CredentialStore;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

/**
 * The trusts' LRS credentials: issued and revoked through the admin API, checked on every xAPI request.
 * A credential works only while it is unrevoked, unexpired and its trust is active.
 */
@ApplicationScoped
public class LrsCredentials implements CredentialStore {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "hub.public.url")
    String publicUrl;

    @Inject
    LaunchCredentials launchCredentials;

    @Inject
    jakarta.enterprise.inject.Instance<LaunchRestrictions> launchRestrictions;

    /** A new credential of the trust; the returned view holds the secret, which is never shown again. */
    @Transactional
    public CredentialView issue(Trust trust, NewCredential request) {
        String secret = CredentialSecret.newSecret();
        LrsCredential credential = new LrsCredential(CredentialSecret.newKey(), trust.id(), request.name().strip(),
                CredentialSecret.hash(secret), request.scopeSet(), Instant.now());
        em.persist(credential);
        return CredentialView.of(credential, secret, xapiEndpoint());
    }

    @Transactional
    public List<CredentialView> usable(Trust trust) {
        Instant now = Instant.now();
        return em.createQuery("select c from LrsCredential c where c.tenantId = :t order by c.created", LrsCredential.class)
                .setParameter("t", trust.id())
                .getResultStream()
                .filter(c -> c.isUsable(now))
                .map(c -> CredentialView.of(c, null, xapiEndpoint()))
                .toList();
    }

    @Transactional
    public void revoke(Trust trust, String key) {
        LrsCredential credential = em.find(LrsCredential.class, key);
        if (credential == null || credential.tenantId() != trust.id()) {
            throw HubProblem.notFound("credential " + key + " of trust " + trust.code());
        }
        credential.revoke(Instant.now());
    }

    @Override
    @Transactional
    public Optional<LrsPrincipal> authenticate(String key, String secret) {
        List<Object[]> rows = em.createQuery(
                        "select c, t from LrsCredential c, Trust t where c.key = :k and t.id = c.tenantId", Object[].class)
                .setParameter("k", key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LrsCredential credential = (LrsCredential) rows.get(0)[0];
        Trust trust = (Trust) rows.get(0)[1];
        if (!trust.isActive() || !credential.isUsable(Instant.now())
                || !CredentialSecret.matches(secret, credential.secretHash())) {
            return Optional.empty();
        }
        if (credential.name().startsWith(LaunchCredentials.NAME_PREFIX)) {
            return launchPrincipal(credential);
        }
        return Optional.of(new LrsPrincipal(credential.key(), credential.tenantId(), credential.scopes(),
                authorityOf(credential)));
    }

    /**
     * A launch credential is usable only with the restriction of its session; one whose session cannot be found
     * is refused rather than let through unconfined. (A credential an administrator merely named so has no
     * session and stays an ordinary one.)
     */
    private Optional<LrsPrincipal> launchPrincipal(LrsCredential credential) {
        Optional<java.util.UUID> registration = launchCredentials.registrationOf(credential.key());
        if (registration.isEmpty()) {
            return Optional.of(new LrsPrincipal(credential.key(), credential.tenantId(), credential.scopes(),
                    authorityOf(credential)));
        }
        if (!launchRestrictions.isResolvable()) {
            return Optional.empty();
        }
        return launchRestrictions.get().of(credential.tenantId(), registration.get())
                .map(r -> new LrsPrincipal(credential.key(), credential.tenantId(), credential.scopes(),
                        authorityOf(credential), Optional.of(r)));
    }

    /** The principal of a launch credential just issued, exactly as its later requests will authenticate. */
    public LrsPrincipal launchPrincipal(long tenant, String key, java.util.UUID registration,
                                        org.learninghub.connect.xapi.auth.Restriction restriction) {
        Agent authority = new Agent(Optional.of(LaunchCredentials.NAME_PREFIX + registration), new Ifi.Account(publicUrl, key));
        return new LrsPrincipal(key, tenant, LrsCredential.parseScopes(LaunchCredentials.SCOPES), authority, Optional.of(restriction));
    }

    /** The Agent recorded as authority of what this credential stores: the credential itself. */
    private Agent authorityOf(LrsCredential credential) {
        return new Agent(Optional.of(credential.name()), new Ifi.Account(publicUrl, credential.key()));
    }

    private String xapiEndpoint() {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "xapi/";
    }
}
