package org.learninghub.connect.hub.runtime;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a query that failed on a broken connection outside a transaction (nothing was
 * written): by default three times, five seconds apart, so every JPA request took ten seconds to be
 * refused while the database was down. The pool validates connections now, so one retry at once is
 * enough to step over a connection that died since its check, and a real outage answers 503 at once.
 * Named in {@code persistence.xml} ({@code eclipselink.session.customizer}).
 */
public class JpaRetries implements SessionCustomizer {

    static final int RETRIES = 1;

    @Override
    public void customize(Session session) {
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(RETRIES);
        login.setDelayBetweenConnectionAttempts(0);
    }
}
