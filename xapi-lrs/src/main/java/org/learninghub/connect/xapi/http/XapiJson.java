package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The LRS's one Jackson configuration. Duplicate keys are refused (a statement with two "id"s has no
 * meaning), numbers keep their exact decimal form, so a stored statement reads back as sent, and parsing stops
 * at the {@link JsonReadLimits} (nesting depth, string, number, name and document length).
 */
public final class XapiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(JsonReadLimits.configured().constraints())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
        } catch (StreamConstraintsException e) {
            throw XapiException.invalid(path, "is beyond this server's JSON limits (settings hub.json.*): "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw XapiException.invalid(path, "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
