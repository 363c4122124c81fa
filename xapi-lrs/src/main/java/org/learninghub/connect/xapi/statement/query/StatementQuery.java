package org.learninghub.connect.xapi.statement.query;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learninghub.connect.xapi.agent.GroupJson;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.validation.Values;
import org.learninghub.connect.xapi.validation.Iri;

/**
 * The filters of a statement query (1.0.3 Communication §2.1.3), parsed and checked once: an unknown
 * value is a 400 naming the parameter. {@code after} is the paging cursor, the seq of the last statement
 * of the previous page.
 */
public record StatementQuery(Optional<String> agent, Optional<String> verb, Optional<String> activity,
        Optional<UUID> registration, boolean relatedActivities, boolean relatedAgents,
        Optional<OffsetDateTime> since, Optional<OffsetDateTime> until, int limit, boolean ascending,
        Optional<Long> after) {

    /** The most statements one page returns; also what {@code limit=0} (or no limit) means. */
    public static final int MAX_LIMIT = 250;

    public static StatementQuery parse(Map<String, String> p, Optional<Long> after) {
        Optional<String> agent = Optional.ofNullable(p.get("agent")).map(StatementQuery::agentKey);
        Optional<String> verb = Optional.ofNullable(p.get("verb")).map(v -> iri(v, "verb"));
        Optional<String> activity = Optional.ofNullable(p.get("activity")).map(v -> iri(v, "activity"));
        Optional<UUID> registration = Optional.ofNullable(p.get("registration")).map(r -> {
            if (!Values.isUuid(r)) {
                throw XapiException.invalid("registration", "must be a UUID");
            }
            return UUID.fromString(r);
        });
        Optional<OffsetDateTime> since = Optional.ofNullable(p.get("since")).map(t -> Values.parseTimestamp(t, "since"));
        Optional<OffsetDateTime> until = Optional.ofNullable(p.get("until")).map(t -> Values.parseTimestamp(t, "until"));
        int limit = limit(p.get("limit"));
        return new StatementQuery(agent, verb, activity, registration, bool(p, "related_activities"),
                bool(p, "related_agents"), since, until, limit, bool(p, "ascending"), after);
    }

    private static String agentKey(String json) {
        // An identified Group may be the agent filter too; its IFI is what statements are matched by.
        Ifi ifi = GroupJson.parseActor(XapiJson.parse(json, "agent"), "agent").identifier()
                .orElseThrow(() -> XapiException.invalid("agent", "must be an Agent or an identified Group (with an IFI)"));
        return ifi.key();
    }

    private static String iri(String value, String parameter) {
        if (!Iri.isAbsolute(value)) {
            throw XapiException.invalid(parameter, "must be an absolute IRI");
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw XapiException.invalid("limit", "must be a non-negative integer");
            }
            return n == 0 || n > MAX_LIMIT ? MAX_LIMIT : n;
        } catch (NumberFormatException e) {
            throw XapiException.invalid("limit", "must be a non-negative integer");
        }
    }

    static boolean bool(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw XapiException.invalid(name, "must be true or false");
        };
    }
}
