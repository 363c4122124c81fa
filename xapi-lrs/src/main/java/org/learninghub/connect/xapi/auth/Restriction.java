package org.learninghub.connect.xapi.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * A credential confined to one learner's attempt at one activity (a launched piece of content): it may write
 * only statements about that actor, that registration and that activity, query only that registration, and
 * use only the State of that actor, activity and registration. Every resource of the LRS asks its principal's
 * restriction here before it reads or writes, so the rule lives in one place; an unrestricted principal is
 * not affected. Refusals are 403 naming the rule.
 *
 * @param allowedOrigin the one browser origin the content runs on (CORS), when the deploying application knows it
 */
public record Restriction(Agent actor, UUID registration, String activityIri, Optional<String> allowedOrigin) {

    public Restriction {
        Objects.requireNonNull(actor, "actor is required");
        Objects.requireNonNull(registration, "registration is required");
        Objects.requireNonNull(activityIri, "activityIri is required");
        allowedOrigin = Objects.requireNonNullElse(allowedOrigin, Optional.empty());
    }

    /** The verb that voids another statement: a launch may not, whatever the statement is about. */
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    /** A validated statement this credential wants to store; {@code path} prefixes the JSON paths of refusals. */
    public void checkStatement(JsonNode statement, String path) {
        if (VOIDED.equals(statement.path("verb").path("id").asText(null))) {
            // A voiding statement names its target by id alone: from a launch it could void any learner's record.
            throw refuse(path + "verb.id", "this launch may not void statements");
        }
        JsonNode actorNode = statement.path("actor");
        if (!actorNode.isObject() || actorNode.has("member") || "Group".equals(actorNode.path("objectType").asText())
                || !sameActor(AgentJson.parseIfi(actorNode, path + "actor"))) {
            throw refuse(path + "actor", "this launch may only record statements of its own learner "
                    + actor.toJson());
        }
        String registrationText = statement.path("context").path("registration").asText(null);
        if (registrationText == null || !registrationText.equalsIgnoreCase(registration.toString())) {
            throw refuse(path + "context.registration", "this launch may only record statements with the registration "
                    + registration);
        }
        if (!aboutActivity(statement)) {
            throw refuse(path + "object.id", "this launch may only record statements about the activity " + activityIri
                    + " (as object or context activity)");
        }
    }

    /** The parameters of a statement query (those of a {@code more} link included). */
    public void checkQuery(Map<String, String> parameters) {
        String asked = parameters.get("registration");
        if (asked == null || !asked.equalsIgnoreCase(registration.toString())) {
            throw refuse("registration", "this launch may only query its own registration " + registration);
        }
        String agent = parameters.get("agent");
        if (agent != null && !sameActor(Optional.of(AgentJson.parseParameter(agent, "agent").ifi()))) {
            throw refuse("agent", "this launch may only query its own learner");
        }
        String activity = parameters.get("activity");
        if (activity != null && !activity.equals(activityIri)) {
            throw refuse("activity", "this launch may only query its own activity " + activityIri);
        }
    }

    /**
     * A document request: only State, of this actor and activity, with this registration.
     *
     * @param agentIfi the {@link Ifi#key()} of the request's agent, empty when the kind has none
     */
    public void checkDocument(boolean state, String activity, String agentIfi, Optional<UUID> requestRegistration) {
        if (!state) {
            throw refuse(null, "this launch may only use the State resource");
        }
        if (!activityIri.equals(activity)) {
            throw refuse("activityId", "this launch may only use the State of the activity " + activityIri);
        }
        if (!actor.ifi().key().equals(agentIfi)) {
            throw refuse("agent", "this launch may only use the State of its own learner");
        }
        if (requestRegistration.isEmpty() || !requestRegistration.get().equals(registration)) {
            throw refuse("registration", "this launch may only use the State of its registration " + registration);
        }
    }

    /** Whether a browser on this origin may read the LRS's answers to this credential. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigin.isEmpty() || allowedOrigin.get().equalsIgnoreCase(origin);
    }

    private boolean sameActor(Optional<Ifi> ifi) {
        return ifi.isPresent() && ifi.get().key().equals(actor.ifi().key());
    }

    private boolean aboutActivity(JsonNode statement) {
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asText("Activity");
        if ("Activity".equals(type) && activityIri.equals(object.path("id").asText(null))) {
            return true;
        }
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        for (String relation : new String[] {"parent", "grouping", "category", "other"}) {
            JsonNode value = contextActivities.path(relation);
            for (JsonNode activity : value.isArray() ? value : XapiJson.MAPPER.createArrayNode().add(value)) {
                if (activityIri.equals(activity.path("id").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static XapiException refuse(String path, String rule) {
        return new XapiException(jakarta.ws.rs.core.Response.Status.FORBIDDEN, path, rule);
    }
}
