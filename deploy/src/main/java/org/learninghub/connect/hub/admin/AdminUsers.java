package org.learninghub.connect.hub.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Where Hub administrators are kept. */
@ApplicationScoped
public class AdminUsers {

    static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Transactional
    public boolean any() {
        return !em.createQuery("select a.id from AdminUser a", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    @Transactional
    public void create(String username, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "hub.admin.password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        em.persist(new AdminUser(username, PasswordHasher.hash(password), Instant.now()));
    }

    /** The stored bcrypt hash of this administrator's password, if there is such an administrator. */
    @Transactional
    public Optional<String> passwordHashOf(String username) {
        return em.createQuery("select a from AdminUser a where a.username = :u", AdminUser.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst()
                .map(AdminUser::passwordHash);
    }
}
