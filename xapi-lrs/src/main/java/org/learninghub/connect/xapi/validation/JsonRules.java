package org.learninghub.connect.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * The checks every xAPI object repeats — is it an object, does it hold only the properties its section
 * allows, is this property a string — each with a 400 that names the JSON path and the rule.
 */
public final class JsonRules {

    private JsonRules() {
    }

    public static JsonNode requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw XapiException.invalid(path, "must be a JSON object");
        }
        return node;
    }

    /** 2.0.0 §2.2 (and 1.0.3 conformance): properties outside the specification are refused. */
    public static void onlyProperties(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw XapiException.invalid(child(path, name), "is not a property this object may have");
            }
        }
    }

    /** The property as a string, or null when absent; present but not a string (including null) is a 400. */
    public static String optionalString(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw XapiException.invalid(child(path, name), "must be a string");
        }
        return value.textValue();
    }

    public static String requiredString(JsonNode object, String name, String path) {
        String value = optionalString(object, name, path);
        if (value == null) {
            throw XapiException.invalid(child(path, name), "is required");
        }
        return value;
    }

    public static String requiredIri(JsonNode object, String name, String path) {
        String value = requiredString(object, name, path);
        if (!Iri.isAbsolute(value)) {
            throw XapiException.invalid(child(path, name), "must be an absolute IRI");
        }
        return value;
    }

    /**
     * An absolute IRI that the LRS indexes in a column of {@link Iri#MAX_INDEXED} characters: a longer one is a
     * 400 here, before any SQL.
     */
    public static String requiredIndexedIri(JsonNode object, String name, String path) {
        String value = requiredIri(object, name, path);
        if (value.length() > Iri.MAX_INDEXED) {
            throw XapiException.invalid(child(path, name), "must be at most " + Iri.MAX_INDEXED + " characters long");
        }
        return value;
    }

    /** {@code objectType}, when present, must be exactly {@code expected}. */
    public static void objectTypeIs(JsonNode object, String path, String expected) {
        String type = optionalString(object, "objectType", path);
        if (type != null && !type.equals(expected)) {
            throw XapiException.invalid(child(path, "objectType"), "must be \"" + expected + "\"");
        }
    }

    public static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
