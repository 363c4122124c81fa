package org.learninghub.connect.hub.catalogue.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A warning is stored and counted against the quality score; a rejected value is never stored. */
public enum Severity {
    WARNING("warning"), REJECTED("rejected");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Severity of(String code) {
        return "rejected".equals(code) ? REJECTED : WARNING;
    }
}
