package org.learninghub.connect.hub.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error the Hub's own API answers: the rule broken and the field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String field) {
}
