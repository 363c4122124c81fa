package org.learninghub.connect.lti.platformcall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * JSON to and from platform services, strict where it matters: a number sent as a string, a string where
 * an array belongs or a value the records refuse is a {@link PlatformAnswerInvalidException}, never a crash.
 * Unknown properties are ignored (platforms add their own extensions).
 */
public final class PlatformJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PlatformJson() {
    }

    public static <T> T read(byte[] body, Class<T> type, String what) {
        return read(body, JSON.constructType(type), what);
    }

    public static <T> List<T> readList(byte[] body, Class<T> element, String what) {
        List<T> items = read(body, JSON.getTypeFactory().constructCollectionType(List.class, element), what);
        if (items.contains(null)) {
            throw new PlatformAnswerInvalidException("the platform's " + what + " holds null");
        }
        return items;
    }

    private static <T> T read(byte[] body, JavaType type, String what) {
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new PlatformAnswerInvalidException("the platform answered null for " + what);
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            // Jackson wraps a record constructor's refusal; its own message names the field.
            Throwable reason = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String detail = reason instanceof JsonProcessingException j ? j.getOriginalMessage() : reason.getMessage();
            throw new PlatformAnswerInvalidException("the platform's " + what + " is invalid: "
                    + Excerpt.of(String.valueOf(detail)), e);
        }
    }

    public static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a platform", e);
        }
    }
}
