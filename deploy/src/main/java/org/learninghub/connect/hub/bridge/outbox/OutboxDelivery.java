package org.learninghub.connect.hub.bridge.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.learninghub.connect.lti.ags.AgsEndpoint;
import org.learninghub.connect.lti.ags.AgsScopes;
import org.learninghub.connect.lti.ags.AssignmentGradeService;
import org.learninghub.connect.lti.ags.Score;
import org.learninghub.connect.lti.platformcall.PlatformCallException;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * Delivers due score jobs, one short transaction each: claim the row ({@code FOR UPDATE SKIP LOCKED}), post the
 * score, and mark the row in the same transaction, delivered only after the platform answered 2xx. If the node
 * dies between the platform's answer and the commit, the lock goes with its connection, the row is still pending
 * and is sent once more; AGS keeps the latest score per timestamp, so the repeat changes nothing on the platform.
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
