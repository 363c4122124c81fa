package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The LRS's one Jackson configuration. Duplicate keys are refused (a statement with two "id"s has no
 * meaning) and numbers keep their exact decimal form, so a stored statement reads back as sent.
 */
public final class XapiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private XapiJson() {
    }

    /** Parses a request body or parameter, refusing anything that is not one well-formed JSON value. */
    public static JsonNode parse(String json, String path) {
        if (json == null || json.isBlank()) {
            throw XapiException.invalid(path, "must be a JSON value, got nothing");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw XapiException.invalid(path, "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
