package org.learninghub.connect.hub.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.learninghub.connect.xapi.http.JsonReadLimits;

/**
 * The ObjectMapper behind every JSON body of the Hub's own API: strict on input (unknown properties and
 * duplicate keys are errors, parsing stops at the {@link JsonReadLimits} the LRS uses too), ISO 8601 for times
 * on output. Given as a {@link ContextResolver} because the runtime may bring its own Jackson message body
 * provider; every Jackson provider asks this resolver for its mapper.
 */
@Provider
public class HubObjectMapper implements ContextResolver<ObjectMapper> {

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(JsonReadLimits.configured().constraints())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
