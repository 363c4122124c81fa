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
    CredentialCheck check;

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
    public Optional<LrsPrincipal> authenticate(String key, String secret) {
        Optional<CredentialCheck.Stored> found = check.read(key);
        if (found.isEmpty() || !found.get().usable(Instant.now())
                || !CredentialSecret.matches(secret, found.get().secretHash())) {
            return Optional.empty();
        }
        CredentialCheck.Stored credential = found.get();
        Agent authority = authority(credential.name(), credential.key());
        LrsPrincipal plain = new LrsPrincipal(credential.key(), credential.tenant(), credential.scopes(), authority);
        if (credential.launchRegistration().isEmpty()) {
            return Optional.of(plain);
        }
        // A launch credential (only LaunchCredentials.issue binds one to a session) is usable only with the
        // restriction of its session; one whose session cannot be found is refused rather than let through
        // unconfined. A credential an administrator merely named like one has no session and stays ordinary.
        if (!launchRestrictions.isResolvable()) {
            return Optional.empty();
        }
        return launchRestrictions.get().of(credential.tenant(), credential.launchRegistration().get())
                .map(r -> new LrsPrincipal(credential.key(), credential.tenant(), credential.scopes(), authority,
                        Optional.of(r)));
    }

    /** The principal of a launch credential just issued, exactly as its later requests will authenticate. */
    public LrsPrincipal launchPrincipal(long tenant, String key, java.util.UUID registration,
                                        org.learninghub.connect.xapi.auth.Restriction restriction) {
        return new LrsPrincipal(key, tenant, LrsCredential.parseScopes(LaunchCredentials.SCOPES),
                authority(LaunchCredentials.NAME_PREFIX + registration, key), Optional.of(restriction));
    }

    /** The Agent recorded as authority of what a credential stores: the credential itself. */
    private Agent authority(String name, String key) {
        return new Agent(Optional.of(name), new Ifi.Account(publicUrl, key));
    }

    private String xapiEndpoint() {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "xapi/";
    }
}
