package org.learninghub.connect.hub.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.hub.catalogue.Resource;
import org.learninghub.connect.hub.credential.LaunchCredentials;
import org.learninghub.connect.hub.credential.LrsCredentials;
import org.learninghub.connect.hub.reporting.roster.RosterContexts;
import org.learninghub.connect.hub.trust.LearnerIdentity;
import org.learninghub.connect.hub.trust.Trust;
import org.learninghub.connect.hub.trust.Trusts;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Restriction;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.statement.StatementIntake;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;

/**
 * Starts or resumes the learner's attempt, in one transaction: the learner mapping, the session (a new registration,
 * or the unfinished one of this learner, resource and link), a launch credential confined to it, and the
 * {@code launched} statement, recorded through the LRS's own intake as the session's actor. Returns the content URL
 * with the launch parameters. The actor follows the trust's {@link LearnerIdentity} ({@link LearnerActor}).
 */
@ApplicationScoped
public class Attempts {

    static final String LAUNCHED = "http://adlnet.gov/expapi/verbs/launched";
    /** Setting: how long a launch credential works (minutes): the longest sitting plus a margin. */
    static final String CREDENTIAL_MINUTES = "hub.bridge.credential.minutes";

    @Inject
    LaunchSessions sessions;

    @Inject
    LaunchCredentials credentials;

    @Inject
    LrsCredentials lrsCredentials;

    @Inject
    StatementIntake intake;

    @Inject
    Trusts trusts;

    @Inject
    RosterContexts rosters;

    @Inject
    @ConfigProperty(name = CREDENTIAL_MINUTES, defaultValue = "240")
    long credentialMinutes;

    @Inject
    @ConfigProperty(name = "hub.public.url")
    String publicUrl;

    @Transactional
    public URI start(LaunchContext launch, Resource resource) {
        if (credentialMinutes < 1 || credentialMinutes > 24 * 60) {
            throw new IllegalStateException(CREDENTIAL_MINUTES + " must be 1 to 1440, not " + credentialMinutes);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String subject = launch.subject().orElseThrow();
        // First, so a launch takes its locks in the order the roster import takes them (course, then enrolment).
        rosters.launched(launch, resource.id(), now);
        LearnerIdentity identity = trusts.find(launch.tenantId()).map(Trust::learnerIdentity)
                .orElse(LearnerIdentity.PSEUDONYMOUS);
        Agent actor = LearnerActor.of(launch, identity);
        // Name and e-mail are kept with the mapping (for data-rights requests) only for a trust that opted in.
        boolean named = identity == LearnerIdentity.NAMED;
        sessions.map(launch.tenantId(), launch.issuer(), subject, actor.ifi().key(),
                named ? LearnerActor.name(launch) : Optional.empty(),
                named ? LearnerActor.email(launch) : Optional.empty(), now);
        String link = launch.resourceLink().orElseThrow().id();
        LaunchSession fresh = session(launch, resource, now);
        Optional<LaunchSession> open = sessions.unfinished(launch.tenantId(), launch.issuer(), subject, resource.id(), link);
        LaunchSession session;
        if (open.isPresent()) {
            session = open.get();
            sessions.relaunched(session.registration(), fresh, now);
        } else {
            session = fresh;
            sessions.insert(session);
        }
        Restriction restriction = LaunchSessions.restriction(session);
        LaunchCredentials.Issued credential = credentials.issue(launch.tenantId(), session.registration(), now,
                now.plus(Duration.ofMinutes(credentialMinutes)));
        LrsPrincipal principal = lrsCredentials.launchPrincipal(launch.tenantId(), credential.key(),
                session.registration(), restriction);
        ObjectNode launched = launchedStatement(actor, session, resource);
        intake.store(List.of(launched), new StatementBody(launched, List.of()), principal, XapiVersion.V1_0_3);
        return LaunchParameters.contentUrl(resource.launchUrl(), xapiEndpoint(), credential, actor,
                session.registration(), session.activityIri());
    }

    private LaunchSession session(LaunchContext launch, Resource resource, Instant now) {
        Optional<LaunchContext.AgsEndpoint> ags = launch.ags();
        return new LaunchSession(UUID.randomUUID(), launch.tenantId(), launch.registrationId(), launch.issuer(),
                launch.subject().orElseThrow(), resource.id(), activityIri(resource),
                LaunchParameters.origin(resource.launchUrl()), launch.context().map(LaunchContext.Context::id),
                launch.resourceLink().orElseThrow().id(), String.join(" ", launch.roles()),
                ags.map(LaunchContext.AgsEndpoint::lineitems), ags.map(LaunchContext.AgsEndpoint::lineitem),
                ags.map(a -> a.scope() == null ? "" : String.join(" ", a.scope())), now, Optional.empty(),
                Optional.empty());
    }

    /** The resource's own activity IRI; a resource without one is named by the Hub. */
    private String activityIri(Resource resource) {
        return resource.activityId() != null && !resource.activityId().isBlank() ? resource.activityId()
                : base() + "catalogue/resources/" + resource.id();
    }

    private static ObjectNode launchedStatement(Agent actor, LaunchSession session, Resource resource) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", actor.toJson());
        ObjectNode verb = s.putObject("verb");
        verb.put("id", LAUNCHED);
        verb.putObject("display").put("en", "launched");
        ObjectNode object = s.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", session.activityIri());
        object.putObject("definition").putObject("name").put("en", resource.title());
        ObjectNode context = s.putObject("context");
        context.put("registration", session.registration().toString());
        return s;
    }

    private String base() {
        return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    }

    private String xapiEndpoint() {
        return base() + "xapi/";
    }
}
