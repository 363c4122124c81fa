package org.learninghub.connect.hub.reporting.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.learninghub.connect.lti.nrps.Membership;
import org.learninghub.connect.lti.nrps.MembershipQuery;
import org.learninghub.connect.lti.nrps.MembershipService;
import org.learninghub.connect.lti.platformcall.PlatformCallException;
import org.learninghub.connect.lti.platformcall.PlatformCallSettings;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * One round of roster import on this node: fetches the membership of up to {@link #COURSES_PER_ROUND} due courses,
 * one at a time, each claimed in the database first so no two nodes fetch the same course, then enrols the roster
 * of fetched courses in resources launched from them since. The platform call runs outside any transaction; its
 * time is bounded by the platform-call settings (timeouts, retry budget, pages, answer size).
 */
@ApplicationScoped
public class RosterImport {

    static final int COURSES_PER_ROUND = 5;
    static final int LINKS_PER_ROUND = 50;

    private static final Logger LOG = Logger.getLogger(RosterImport.class.getName());

    @Inject
    RosterClaims claims;

    @Inject
    RosterStore store;

    @Inject
    RosterSettings settings;

    @Inject
    MembershipService memberships;

    @Inject
    RegistrationStore registrations;

    @Inject
    Config config;

    /** Returns how many courses were fetched (or failed) this round. */
    public int round() {
        int handled = 0;
        try {
            Duration lease = lease(PlatformCallSettings.from(config), settings.refresh());
            for (; handled < COURSES_PER_ROUND; handled++) {
                Optional<ClaimedRoster> due = claims.claim(Instant.now(), lease);
                if (due.isEmpty()) {
                    break;
                }
                fetch(due.get());
            }
            store.enrolNewLinks(Instant.now(), LINKS_PER_ROUND);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "roster: the database failed; due courses wait for the next round: {0}",
                    e.getMessage());
        }
        return handled;
    }

    /**
     * The longest one fetch may keep a course: every page (and the token call) at its full retry budget plus one
     * request timeout; never longer than the refresh period.
     */
    static Duration lease(PlatformCallSettings calls, Duration refresh) {
        Duration fetch = calls.retryBudget().plus(calls.requestTimeout()).multipliedBy(calls.maxPages() + 1L);
        return fetch.compareTo(refresh) < 0 ? fetch : refresh;
    }

    private void fetch(ClaimedRoster roster) throws SQLException {
        Instant started = Instant.now();
        try {
            PlatformRegistration registration = registrations.findById(roster.platform())
                    .filter(PlatformRegistration::active)
                    .orElseThrow(() -> new ServiceNotGrantedException(
                            "the platform is disabled or no longer registered"));
            Membership membership = memberships.members(registration, URI.create(roster.membershipsUrl()),
                    MembershipQuery.ALL);
            if (membership.members().size() > settings.maxMembers()) {
                // Not retried before the next refresh: the course will not shrink within minutes.
                claims.failed(roster, "the course lists " + membership.members().size() + " members, more than the "
                        + settings.maxMembers() + " a roster may hold", started.plus(settings.refresh()));
                return;
            }
            SortedSet<String> learners = RosterLearners.of(registration.issuer(), membership.members());
            Instant now = Instant.now();
            if (!store.replace(roster, learners, now, now.plus(settings.refresh()))) {
                LOG.log(Level.INFO, "roster: course {0} was taken over by another node; this fetch is dropped",
                        roster.id());
            }
        } catch (ServiceNotGrantedException e) {
            // Nothing a quick retry could change (the claim, the registration or the platform's grant).
            claims.failed(roster, e.getMessage(), started.plus(settings.refresh()));
            LOG.log(Level.INFO, "roster: course {0} cannot be read: {1}", new Object[] {roster.id(), e.getMessage()});
        } catch (PlatformCallException | IllegalArgumentException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            claims.failed(roster, error, Instant.now().plus(settings.backoff(roster.attempts())));
            LOG.log(Level.INFO, "roster: course {0} fetch {1} failed: {2}",
                    new Object[] {roster.id(), roster.attempts(), error});
        }
    }
}
