package org.learninghub.connect.hub.bridge.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.learninghub.connect.lti.ags.AgsEndpoint;
import org.learninghub.connect.lti.ags.AgsScopes;
import org.learninghub.connect.lti.ags.AssignmentGradeService;
import org.learninghub.connect.lti.ags.Score;
import org.learninghub.connect.lti.platformcall.PlatformCallException;
import org.learninghub.connect.lti.platformcall.PlatformCallSettings;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * Delivers due score jobs, one short transaction each: claim the row ({@code FOR UPDATE SKIP LOCKED}), post the
 * score, and mark the row in the same transaction, delivered only after the platform answered 2xx. If the node
 * dies between the platform's answer and the commit, the lock goes with its connection, the row is still pending
 * and is sent once more; AGS keeps the latest score per timestamp, so the repeat changes nothing on the platform.
 *
 * <p>A node that stops without its connection closing (frozen VM, network partition) would keep the row lock until
 * the database's TCP keepalive gives up, by default after hours, and every other node would skip the job meanwhile.
 * On PostgreSQL the claiming transaction therefore carries {@code idle_in_transaction_session_timeout}: the longest a
 * delivery can keep the transaction idle (a token call and a score call with one token refresh, each within the
 * platform-call retry budget plus one request timeout) and a margin. Past it PostgreSQL ends the session, the lock
 * goes, and another node sends the job. The embedded H2 database serves one node only.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    AssignmentGradeService ags;

    @Inject
    RegistrationStore registrations;

    @Inject
    OutboxSettings settings;

    @Inject
    Config config;

    /** Beyond the longest a live node's delivery keeps its transaction idle: scheduling, a slow database answer. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);

    /** Delivers up to one batch of due jobs; returns how many were handled. */
    public int deliverDue() {
        int handled = 0;
        while (handled < settings.batch() && deliverOne()) {
            handled++;
        }
        return handled;
    }

    private boolean deliverOne() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                limitClaim(c);
                Optional<ClaimedJob> job = OutboxJobs.claim(c, Instant.now());
                if (job.isEmpty()) {
                    c.rollback();
                    return false;
                }
                deliver(c, job.get());
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "outbox: the database failed; due jobs wait for the next round: {0}", e.getMessage());
            return false;
        }
    }

    /** The claim's lease on PostgreSQL, for this transaction only ({@code SET LOCAL}): see the class comment. */
    private void limitClaim(Connection c) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL idle_in_transaction_session_timeout = " + claimLimit(PlatformCallSettings.from(config))
                    .toMillis());
        }
    }

    /** The longest a live node keeps a claiming transaction idle, plus {@link #CLAIM_MARGIN}. */
    static Duration claimLimit(PlatformCallSettings calls) {
        return calls.retryBudget().plus(calls.requestTimeout()).multipliedBy(3).plus(CLAIM_MARGIN);
    }

    private void deliver(Connection c, ClaimedJob job) throws SQLException {
        Instant now = Instant.now();
        Optional<String> skip = skipReason(job);
        if (skip.isPresent()) {
            OutboxJobs.mark(c, job.id(), "skipped", job.attempts(), now, skip.get(), null);
            return;
        }
        int attempts = job.attempts() + 1;
        try {
            PlatformRegistration registration = registrations.findById(job.platformId())
                    .orElseThrow(() -> new ServiceNotGrantedException("the launching platform is no longer registered"));
            AgsEndpoint endpoint = new AgsEndpoint(scopes(job), url(job.lineItems()), url(job.lineItem()));
            Score score = ScorePayload.score(job.payload(), job.scoreMaximum(), job.created());
            ags.postScore(registration, endpoint, score);
            OutboxJobs.mark(c, job.id(), "delivered", attempts, now, null, Instant.now());
        } catch (ServiceNotGrantedException e) {
            // Nothing a later attempt could change: the claim does not let the Hub post this score.
            OutboxJobs.mark(c, job.id(), "skipped", attempts, now, e.getMessage(), null);
        } catch (PlatformCallException | IllegalArgumentException e) {
            boolean last = attempts >= settings.maxAttempts();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            OutboxJobs.mark(c, job.id(), last ? "failed" : "pending", attempts,
                    last ? now : now.plus(settings.backoff(attempts)), error, null);
            LOG.log(Level.INFO, "outbox: job {0} attempt {1} failed{2}: {3}",
                    new Object[] {job.id(), attempts, last ? " for the last time" : "", error});
        }
    }

    /** Why a job cannot be delivered at all, decided before anything is sent. */
    private static Optional<String> skipReason(ClaimedJob job) {
        if (job.lineItem().isEmpty()) {
            return Optional.of("the launch had no AGS endpoint claim with a lineitem");
        }
        if (!scopes(job).contains(AgsScopes.SCORE)) {
            return Optional.of("the launch's AGS claim does not grant the score scope");
        }
        if (ScorePayload.scored(job.payload()) && job.scoreMaximum().isEmpty()) {
            return Optional.of("the resource has no scoreMaximum to scale the score to");
        }
        return Optional.empty();
    }

    private static Set<String> scopes(ClaimedJob job) {
        return job.scopes().map(s -> Arrays.stream(s.split(" ")).filter(x -> !x.isBlank())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private static Optional<URI> url(Optional<String> value) {
        try {
            return value.map(URI::create).filter(u -> u.isAbsolute() && u.getHost() != null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
