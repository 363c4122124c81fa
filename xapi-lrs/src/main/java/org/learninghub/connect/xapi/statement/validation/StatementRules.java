package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.learninghub.connect.xapi.agent.Actor;
import org.learninghub.connect.xapi.agent.Group;
import org.learninghub.connect.xapi.agent.GroupJson;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.validation.JsonRules;

/**
 * Validates one statement as sent (1.0.3 Data §2.2–2.4; 2.0.0 §4.2) and normalises what the
 * specification says the LRS returns normalised (contextActivities as arrays). Every refusal is a
 * 400 naming the JSON path and the rule.
 */
public final class StatementRules {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Pattern VERSION_1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern VERSION_2 = Pattern.compile("2\\.0(\\.\\d+)?");
    /** Bound checked before the version patterns: no real version is longer. */
    private static final int MAX_VERSION = 32;

    private StatementRules() {
    }

    /** Validates {@code statement} in place; {@code path} names it in errors (e.g. "[2]" in a batch). */
    public static ObjectNode validate(JsonNode statement, String path, XapiVersion version) {
        JsonRules.requireObject(statement, path);
        ObjectNode s = (ObjectNode) statement;
        JsonRules.onlyProperties(s, path, STATEMENT);
        if (s.has("id")) {
            Values.requiredUuid(s, "id", path);
        }
        body(s, path, version, false);
        Values.timestamp(s, "stored", path);
        if (s.has("authority")) {
            authority(s.get("authority"), child(path, "authority"));
        }
        String v = JsonRules.optionalString(s, "version", path);
        if (v != null && (v.length() > MAX_VERSION
                || !(VERSION_1.matcher(v).matches() || (version.isAtLeast2() && VERSION_2.matcher(v).matches())))) {
            throw XapiException.invalid(child(path, "version"), "must be a supported xAPI version (1.0.x"
                    + (version.isAtLeast2() ? " or 2.0.x)" : ")"));
        }
        return s;
    }

    /** What a statement and a sub-statement share: actor, verb, object, result, context, timestamp, attachments. */
    private static void body(ObjectNode s, String path, XapiVersion version, boolean subStatement) {
        for (String required : new String[] {"actor", "verb", "object"}) {
            if (!s.has(required)) {
                throw XapiException.invalid(child(path, required), "is required");
            }
        }
        GroupJson.parseActor(s.get("actor"), child(path, "actor"));
        verb(s.get("verb"), child(path, "verb"));
        boolean objectIsActivity = object(s.get("object"), child(path, "object"), version, subStatement);
        if (s.has("result")) {
            ResultRules.result(s.get("result"), child(path, "result"));
        }
        if (s.has("context")) {
            ContextRules.context(s.get("context"), child(path, "context"), objectIsActivity, version.isAtLeast2());
        }
        Values.timestamp(s, "timestamp", path);
        if (s.has("attachments")) {
            AttachmentRules.attachments(s.get("attachments"), child(path, "attachments"));
        }
        if (isVoiding(s) && !"StatementRef".equals(s.get("object").path("objectType").asText())) {
            throw XapiException.invalid(child(path, "object"), "a voiding statement's object must be a StatementRef");
        }
    }

    /**
     * 1.0.3 Data §2.4.9: an authority is an Agent, or an anonymous Group of exactly two Agents (an OAuth
     * consumer and user). The LRS replaces it with the credential's authority, but a malformed one is refused.
     */
    private static void authority(JsonNode authority, String path) {
        Actor actor = GroupJson.parseActor(authority, path);
        if (actor instanceof Group group && (group.ifi().isPresent() || group.members().size() != 2)) {
            throw XapiException.invalid(path, "a Group authority must be anonymous with exactly two member Agents");
        }
    }

    private static void verb(JsonNode verb, String path) {
        JsonRules.requireObject(verb, path);
        JsonRules.onlyProperties(verb, path, VERB);
        JsonRules.requiredIndexedIri(verb, "id", path);
        Values.languageMap(verb, "display", path);
    }

    /** @return whether the object is an Activity (context revision and platform need one) */
    private static boolean object(JsonNode object, String path, XapiVersion version, boolean insideSubStatement) {
        JsonRules.requireObject(object, path);
        String type = JsonRules.optionalString(object, "objectType", path);
        switch (type == null ? "Activity" : type) {
            case "Activity" -> {
                ActivityRules.activity(object, path);
                return true;
            }
            case "Agent", "Group" -> GroupJson.parseActor(object, path);
            case "StatementRef" -> StatementRefRules.statementRef(object, path, false);
            case "SubStatement" -> {
                if (insideSubStatement) {
                    throw XapiException.invalid(child(path, "objectType"), "a SubStatement must not contain a SubStatement");
                }
                JsonRules.onlyProperties(object, path, SUB_STATEMENT);
                body((ObjectNode) object, path, version, true);
            }
            default -> throw XapiException.invalid(child(path, "objectType"),
                    "must be Activity, Agent, Group, StatementRef or SubStatement");
        }
        return false;
    }

    /** A voiding statement (1.0.3 Data §2.3.2) has the verb http://adlnet.gov/expapi/verbs/voided. */
    public static boolean isVoiding(JsonNode statement) {
        return VOIDED.equals(statement.path("verb").path("id").asText());
    }

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
}
