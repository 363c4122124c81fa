package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.Iri;
import org.learninghub.connect.xapi.validation.JsonRules;

/** The special data types of 1.0.3 Data §4 — UUIDs, timestamps, durations, language maps, extensions. */
public final class Values {

    /** RFC 4122 text form; the variant and version digits are not checked (1.0.3 Data §4.1.4 only asks for the form). */
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /**
     * The longest language tag accepted. RFC 5646 §4.4.1 asks implementations to handle at least 35 characters;
     * no registered tag comes near this. The bound is checked before {@link #LANGUAGE_TAG}, whose repeated groups
     * recurse once per subtag and overflow the stack on a tag of a few thousand characters.
     */
    public static final int MAX_LANGUAGE_TAG = 255;
    /** RFC 5646 language tag (langtag, private use and grandfathered irregular forms), case-insensitive. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("(?i)"
            + "(([a-z]{2,3}(-[a-z]{3}){0,3})|[a-z]{4,8})(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?"
            + "(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[0-9a-wy-z](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?"
            + "|x(-[a-z0-9]{1,8})+|i-[a-z]{2,8}");
    private Values() {
    }

    public static boolean isUuid(String value) {
        return value != null && value.length() == 36 && UUID_FORM.matcher(value).matches();
    }

    public static UUID requiredUuid(JsonNode object, String name, String path) {
        String value = JsonRules.requiredString(object, name, path);
        if (!isUuid(value)) {
            throw XapiException.invalid(child(path, name), "must be a UUID in its 8-4-4-4-12 hex form");
        }
        return UUID.fromString(value);
    }

    public static boolean isLanguageTag(String tag) {
        return tag != null && tag.length() <= MAX_LANGUAGE_TAG && LANGUAGE_TAG.matcher(tag).matches();
    }

    /**
     * An ISO 8601 timestamp with a time-zone offset (1.0.3 Data §4.5; 2.0.0 requires the offset).
     * {@code -00:00} (RFC 3339 "unknown offset") is refused, as the specification asks.
     */
    public static OffsetDateTime timestamp(JsonNode object, String name, String path) {
        String value = JsonRules.optionalString(object, name, path);
        return value == null ? null : parseTimestamp(value, child(path, name));
    }

    public static OffsetDateTime parseTimestamp(String value, String at) {
        if (value.endsWith("-00:00") || value.endsWith("-0000") || value.endsWith("-00")) {
            throw XapiException.invalid(at, "must not use the offset -00:00");
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw XapiException.invalid(at, "must be an ISO 8601 timestamp with a time-zone offset, got " + value);
        }
    }

    public static void duration(JsonNode object, String name, String path) {
        String value = JsonRules.optionalString(object, name, path);
        if (value != null && !IsoDuration.isValid(value)) {
            throw XapiException.invalid(child(path, name), "must be an ISO 8601 duration");
        }
    }

    /** A language map (1.0.3 Data §4.3): RFC 5646 tags to strings. */
    public static void languageMap(JsonNode object, String name, String path) {
        JsonNode map = object.get(name);
        if (map == null) {
            return;
        }
        String at = child(path, name);
        JsonRules.requireObject(map, at);
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isLanguageTag(e.getKey())) {
                throw XapiException.invalid(child(at, e.getKey()), "is not an RFC 5646 language tag (of at most " + MAX_LANGUAGE_TAG + " characters)");
            }
            if (!e.getValue().isTextual()) {
                throw XapiException.invalid(child(at, e.getKey()), "must be a string");
            }
        }
    }

    /** Extensions (1.0.3 Data §2.4.6.5 etc.): an object whose keys are absolute IRIs; values are free. */
    public static void extensions(JsonNode object, String name, String path) {
        JsonNode ext = object.get(name);
        if (ext == null) {
            return;
        }
        String at = child(path, name);
        JsonRules.requireObject(ext, at);
        for (Iterator<String> it = ext.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Iri.isAbsolute(key)) {
                throw XapiException.invalid(child(at, key), "an extension key must be an absolute IRI");
            }
        }
    }

    public static void optionalIri(JsonNode object, String name, String path) {
        if (object.has(name)) {
            JsonRules.requiredIri(object, name, path);
        }
    }

    public static void optionalBoolean(JsonNode object, String name, String path) {
        JsonNode v = object.get(name);
        if (v != null && !v.isBoolean()) {
            throw XapiException.invalid(child(path, name), "must be true or false");
        }
    }

    public static JsonNode requiredArray(JsonNode object, String name, String path) {
        JsonNode v = object.get(name);
        if (v == null || !v.isArray()) {
            throw XapiException.invalid(child(path, name), v == null ? "is required" : "must be an array");
        }
        return v;
    }
}
