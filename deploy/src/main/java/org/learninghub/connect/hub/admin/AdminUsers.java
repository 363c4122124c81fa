package org.learninghub.connect.hub.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.runtime.DatabaseFailure;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;

/** Where administrator accounts are kept. */
@ApplicationScoped
public class AdminUsers {

    static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_CHARACTERS;

    /** What signing in needs of an account, read from its row on every request (no cache). */
    record SignIn(String username, String passwordHash, AdminRole role, Optional<String> trust, boolean disabled) {
    }

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Trusts trusts;

    @Transactional
    public boolean any() {
        return !em.createQuery("select a.id from AdminUser a", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    /** The bootstrap administrator from configuration: a hub-admin. */
    @Transactional
    public void create(String username, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "hub.admin.password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        em.persist(new AdminUser(username, PasswordHasher.hash(password), AdminRole.HUB_ADMIN, null, Instant.now()));
    }

    @Transactional
    public AdminUser create(NewAccount request) {
        Trust trust = null;
        if (request.adminRole() == AdminRole.TRUST_ADMIN) {
            trust = trusts.find(request.trust())
                    .orElseThrow(() -> HubProblem.badRequest("trust", "no trust has the code " + request.trust()));
        }
        if (find(request.username()).isPresent()) {
            throw HubProblem.conflict("username", "an account named " + request.username() + " already exists");
        }
        AdminUser account = new AdminUser(request.username(), PasswordHasher.hash(request.password()),
                request.adminRole(), trust, Instant.now());
        em.persist(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Two requests creating the same name at once: the second meets the unique constraint, not the find above.
            if (DatabaseFailure.of(e).isPresent()) {
                throw e;
            }
            throw HubProblem.conflict("username", "an account named " + request.username() + " already exists");
        }
        return account;
    }

    @Transactional
    public List<AdminUser> all() {
        return em.createQuery("select a from AdminUser a order by a.username", AdminUser.class).getResultList();
    }

    @Transactional
    public Optional<AdminUser> find(String username) {
        return em.createQuery("select a from AdminUser a where a.username = :u", AdminUser.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    /** The account the identity provider's subject is mapped to ({@code hub.oidc.claim=sub}). */
    @Transactional
    public Optional<AdminUser> findByOidcSubject(String subject) {
        return em.createQuery("select a from AdminUser a where a.oidcSubject = :s", AdminUser.class)
                .setParameter("s", subject)
                .getResultStream()
                .findFirst();
    }

    /**
     * The account whose user name is this e-mail address ({@code hub.oidc.claim=email}): the exact name, else
     * the one name equal to it ignoring case (addresses are compared so by people); none when two differ only in case.
     */
    @Transactional
    public Optional<AdminUser> findByEmail(String email) {
        Optional<AdminUser> exact = find(email);
        if (exact.isPresent()) {
            return exact;
        }
        List<AdminUser> matches = em.createQuery("select a from AdminUser a where lower(a.username) = :u",
                        AdminUser.class)
                .setParameter("u", email.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(2)
                .getResultList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Maps (or with null unmaps) an account to the identity provider's subject of its holder. */
    @Transactional
    public AdminUser setOidcSubject(String username, String subject) {
        AdminUser account = locked(username);
        if (subject != null) {
            findByOidcSubject(subject).filter(other -> !other.username().equals(username)).ifPresent(other -> {
                throw HubProblem.conflict("subject", "another account is mapped to this subject");
            });
        }
        account.setOidcSubject(subject, Instant.now());
        return account;
    }

    AdminUser require(String username) {
        return find(username).orElseThrow(() -> HubProblem.notFound("account " + cut(username)));
    }

    @Transactional
    public AdminUser setDisabled(String username, boolean disabled) {
        AdminUser account = locked(username);
        account.setDisabled(disabled, Instant.now());
        return account;
    }

    @Transactional
    public AdminUser setPassword(String username, String password) {
        AdminUser account = locked(username);
        PasswordRules.check("password", password, username);
        account.changePassword(PasswordHasher.hash(password), Instant.now());
        return account;
    }

    /** Everything signing in needs, from the row as it is now: a change on any node is seen by the next request. */
    @Transactional
    Optional<SignIn> signIn(String username) {
        return find(username).map(a -> new SignIn(a.username(), a.passwordHash(), a.role(),
                a.trust().map(Trust::code), a.disabled()));
    }

    private AdminUser locked(String username) {
        AdminUser account = require(username);
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        return account;
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
