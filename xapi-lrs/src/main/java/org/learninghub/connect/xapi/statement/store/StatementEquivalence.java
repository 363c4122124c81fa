package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.learninghub.connect.xapi.statement.validation.IsoDuration;

/**
 * Statement comparison for immutability (1.0.3 Data §2.4.1, 2.0.0 §4.2.4.2): two statements with one id
 * are the same when they agree on everything the client sent. Properties the LRS sets (id, stored,
 * authority, version) are left out, and timestamp too when the new copy has none (the LRS filled it in).
 * JSON objects compare without regard to property order.
 */
public final class StatementEquivalence {

    private StatementEquivalence() {
    }

    public static boolean equivalent(JsonNode sent, JsonNode stored) {
        ObjectNode a = (ObjectNode) sent.deepCopy();
        ObjectNode b = (ObjectNode) stored.deepCopy();
        for (String lrsSet : new String[] {"id", "stored", "authority", "version"}) {
            a.remove(lrsSet);
            b.remove(lrsSet);
        }
        if (!a.has("timestamp")) {
            b.remove("timestamp");
        }
        truncateDuration(a);
        truncateDuration(b);
        truncateDuration(a.path("object"));
        truncateDuration(b.path("object"));
        return a.equals(b);
    }

    /** 2.0.0 §4.2.7: precision of a duration beyond 0.01 s is not part of the comparison. */
    private static void truncateDuration(JsonNode statement) {
        if (statement.path("result") instanceof ObjectNode result && result.path("duration").isTextual()) {
            result.put("duration", IsoDuration.truncatedToHundredths(result.get("duration").textValue()));
        }
    }
}
