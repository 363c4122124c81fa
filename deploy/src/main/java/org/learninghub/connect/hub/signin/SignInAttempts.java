package org.learninghub.connect.hub.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.learninghub.connect.hub.security.Secrets;

/** Where sign-ins under way are kept: in the database, so the provider's callback may reach any node. */
@ApplicationScoped
public class SignInAttempts {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /**
     * Sign-ins under way at once, at most: anyone may start one (a row each), so a flood of starts is refused
     * (503) once this many are open, instead of filling the table; real sign-ins are a handful a minute.
     */
    static final long MAX_OPEN = 10_000;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** Keeps a new attempt under the hash of its cookie value, and drops every expired one. */
    @Transactional
    public void add(String cookieValue, String state, String nonce, String verifier, String returnPath, Instant now) {
        em.createQuery("delete from SignInAttempt a where a.expires < :now")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate();
        long open = em.createQuery("select count(a) from SignInAttempt a", Long.class).getSingleResult();
        if (open >= MAX_OPEN) {
            throw IdentityProvider.unavailable("too many sign-ins are under way; retry in a few minutes");
        }
        em.persist(new SignInAttempt(Secrets.hash(cookieValue), state, nonce, verifier, returnPath, now.plus(LIFETIME)));
    }

    /**
     * Takes the attempt of this cookie value out, once: of two callbacks racing with the same cookie, only the
     * one whose delete removed the row gets it (the other's delete waits for the first and removes nothing).
     * Empty when unknown, already taken or expired.
     */
    @Transactional
    public Optional<SignInAttempt> take(String cookieValue, Instant now) {
        String key = Secrets.hash(cookieValue);
        SignInAttempt attempt = em.find(SignInAttempt.class, key);
        if (attempt == null) {
            return Optional.empty();
        }
        em.detach(attempt);
        int deleted = em.createQuery("delete from SignInAttempt a where a.idHash = :k")
                .setParameter("k", key).executeUpdate();
        if (deleted != 1 || !attempt.expires().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(attempt);
    }
}
