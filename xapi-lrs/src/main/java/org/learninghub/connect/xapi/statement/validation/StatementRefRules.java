package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** A StatementRef (1.0.3 Data §2.4.4.3): {@code objectType} "StatementRef" and the UUID of a statement. */
final class StatementRefRules {

    private static final Set<String> REF = Set.of("objectType", "id");

    private StatementRefRules() {
    }

    /** @param typeOptional true in context.statement, where objectType is still required by the spec's table */
    static void statementRef(JsonNode node, String path, boolean typeOptional) {
        JsonRules.requireObject(node, path);
        JsonRules.onlyProperties(node, path, REF);
        String type = JsonRules.optionalString(node, "objectType", path);
        if (!"StatementRef".equals(type)) {
            throw XapiException.invalid(child(path, "objectType"), "must be \"StatementRef\"");
        }
        Values.requiredUuid(node, "id", path);
    }
}
