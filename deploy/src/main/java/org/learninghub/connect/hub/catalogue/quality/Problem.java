package org.learninghub.connect.hub.catalogue.quality;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** One broken rule: the field, the rule's name (see src/docs/catalogue.md), the offending value (cut short). */
public record Problem(String field, String rule, String value, Severity severity) {

    /** Values in reports are cut to this many characters: a report names the value, it does not copy it. */
    static final int MAX_VALUE = 120;

    public Problem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE) + "…";
        }
    }

    public static Problem warning(String field, String rule, String value) {
        return new Problem(field, rule, value, Severity.WARNING);
    }

    public static Problem rejected(String field, String rule, String value) {
        return new Problem(field, rule, value, Severity.REJECTED);
    }

    @JsonIgnore
    public boolean isRejected() {
        return severity == Severity.REJECTED;
    }
}
