package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** The result of a statement (1.0.3 Data §2.4.5). */
final class ResultRules {

    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");

    private ResultRules() {
    }

    static void result(JsonNode result, String path) {
        JsonRules.requireObject(result, path);
        JsonRules.onlyProperties(result, path, RESULT);
        Values.optionalBoolean(result, "success", path);
        Values.optionalBoolean(result, "completion", path);
        JsonRules.optionalString(result, "response", path);
        Values.duration(result, "duration", path);
        Values.extensions(result, "extensions", path);
        if (result.has("score")) {
            score(result.get("score"), child(path, "score"));
        }
    }

    private static void score(JsonNode score, String path) {
        JsonRules.requireObject(score, path);
        JsonRules.onlyProperties(score, path, SCORE);
        BigDecimal scaled = number(score, "scaled", path);
        BigDecimal raw = number(score, "raw", path);
        BigDecimal min = number(score, "min", path);
        BigDecimal max = number(score, "max", path);
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE.negate()) < 0 || scaled.compareTo(BigDecimal.ONE) > 0)) {
            throw XapiException.invalid(child(path, "scaled"), "must be between -1 and 1");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw XapiException.invalid(child(path, "min"), "must not be greater than max");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            throw XapiException.invalid(child(path, "raw"), "must not be less than min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            throw XapiException.invalid(child(path, "raw"), "must not be greater than max");
        }
    }

    private static BigDecimal number(JsonNode score, String name, String path) {
        JsonNode v = score.get(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw XapiException.invalid(child(path, name), "must be a number");
        }
        return v.decimalValue();
    }
}
