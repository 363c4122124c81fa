package org.learninghub.connect.hub.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.hub.admin.AdminUser;
import org.learninghub.connect.hub.security.AdminCaller;
import org.learninghub.connect.hub.security.BrowserSessions;
import org.learninghub.connect.hub.security.Secrets;
import org.learninghub.connect.hub.security.SessionCheck;

/**
 * Browser sessions in the database (any node serves any request; ending one ends it everywhere). A session
 * ends when idle longer than {@code hub.session.idle-minutes}, when older than {@code hub.session.absolute-hours},
 * at sign-out, and while its account is disabled; each request checks all four against the rows as they are.
 * The last-seen time is written at most once a {@link #TOUCH_EVERY}, so a busy page costs no write per request.
 */
@ApplicationScoped
public class Sessions implements BrowserSessions {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** The width of a cookie value the Hub makes (43 characters); anything longer is no session of ours. */
    static final int MAX_COOKIE_LENGTH = 100;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    SignInSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** A new session's secrets: the cookie's value (only its hash is stored) and the CSRF token. */
    record Started(String cookieValue, String csrfToken) {
    }

    @Transactional
    public Started start(AdminUser account) {
        Instant now = clock.instant();
        // Ended sessions are dropped as new ones start: the table holds live sessions only, give or take.
        em.createQuery("delete from BrowserSession s where s.lastSeen < :idle or s.created < :absolute")
                .setParameter("idle", now.minus(settings.idle()).atOffset(ZoneOffset.UTC))
                .setParameter("absolute", now.minus(settings.absolute()).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        String id = Secrets.random();
        String csrf = Secrets.random();
        em.persist(new BrowserSession(Secrets.hash(id), account, csrf, now));
        return new Started(id, csrf);
    }

    @Override
    @Transactional
    public SessionCheck check(HttpServletRequest request) {
        Optional<String> cookie = cookieValue(request);
        if (cookie.isEmpty()) {
            return SessionCheck.NONE;
        }
        Optional<BrowserSession> found = live(cookie.get());
        if (found.isEmpty()) {
            return SessionCheck.ENDED;
        }
        BrowserSession session = found.get();
        Optional<AdminCaller> caller = session.account().enabledCaller();
        if (caller.isEmpty()) {
            return SessionCheck.ENDED;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !Secrets.same(session.csrfToken(), request.getHeader(CSRF_HEADER))) {
            return SessionCheck.CSRF_REFUSED;
        }
        Instant now = clock.instant();
        if (!session.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            em.createQuery("update BrowserSession s set s.lastSeen = :now where s.idHash = :k")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("k", session.idHash())
                    .executeUpdate();
        }
        return SessionCheck.valid(new SessionCheck.SignedIn(caller.get(), session.csrfToken(), session.created(),
                now.plus(settings.idle()), session.created().plus(settings.absolute())));
    }

    /**
     * Ends the session of this cookie value if the CSRF token is its own; true when there is no live session
     * (nothing to end), false when the token does not match (a cross-site sign-out is refused).
     */
    @Transactional
    public boolean end(String cookieValue, String csrfToken) {
        Optional<BrowserSession> found = live(cookieValue);
        if (found.isEmpty()) {
            return true;
        }
        if (!Secrets.same(found.get().csrfToken(), csrfToken)) {
            return false;
        }
        em.createQuery("delete from BrowserSession s where s.idHash = :k")
                .setParameter("k", found.get().idHash()).executeUpdate();
        return true;
    }

    /** The session of this cookie value if it has not ended by time; an ended one is deleted. */
    private Optional<BrowserSession> live(String cookieValue) {
        if (cookieValue.isEmpty() || cookieValue.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        BrowserSession session = em.find(BrowserSession.class, Secrets.hash(cookieValue));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!session.lastSeen().plus(settings.idle()).isAfter(now)
                || !session.created().plus(settings.absolute()).isAfter(now)) {
            em.remove(session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    static Optional<String> cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
