package org.learninghub.connect.xapi.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The bounds Jackson enforces while it parses JSON from a request, before any of it is built into objects:
 * nesting depth (deep nesting costs stack in every recursive walk of the tree), the length of one string, one
 * number and one property name, and the length of the whole document. A violation is a parse error naming the
 * rule, answered 400 like any malformed JSON. The body size limits bound the input first; these bound its shape.
 *
 * @param maxNestingDepth   setting {@value #NESTING_DEPTH_KEY}, default {@value #DEFAULT_NESTING_DEPTH}
 * @param maxStringLength   setting {@value #STRING_LENGTH_KEY}, default {@value #DEFAULT_STRING_LENGTH} characters
 * @param maxNumberLength   setting {@value #NUMBER_LENGTH_KEY}, default {@value #DEFAULT_NUMBER_LENGTH} characters
 * @param maxNameLength     setting {@value #NAME_LENGTH_KEY}, default {@value #DEFAULT_NAME_LENGTH} characters
 * @param maxDocumentLength setting {@value #DOCUMENT_LENGTH_KEY}, default {@value #DEFAULT_DOCUMENT_LENGTH}
 *                          bytes (or characters, for JSON held as text)
 */
public record JsonReadLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, int maxNameLength,
                             long maxDocumentLength) {

    public static final String NESTING_DEPTH_KEY = "hub.json.max-nesting-depth";
    public static final String STRING_LENGTH_KEY = "hub.json.max-string-length";
    public static final String NUMBER_LENGTH_KEY = "hub.json.max-number-length";
    public static final String NAME_LENGTH_KEY = "hub.json.max-name-length";
    public static final String DOCUMENT_LENGTH_KEY = "hub.json.max-document-length";

    /** Statements nest about ten levels; extensions and JSON documents get ten times that. */
    public static final int DEFAULT_NESTING_DEPTH = 100;
    /** As large as the largest JSON body the defaults accept (a document), so no valid body fails on it alone. */
    public static final int DEFAULT_STRING_LENGTH = 16 * 1024 * 1024;
    /** Jackson's own default: far beyond any score or extension value, short of costly big-number arithmetic. */
    public static final int DEFAULT_NUMBER_LENGTH = 1000;
    /** Jackson's own default; property names are IRIs and language tags in xAPI. */
    public static final int DEFAULT_NAME_LENGTH = 50_000;
    /** The largest JSON body the default body limits accept (a document). */
    public static final long DEFAULT_DOCUMENT_LENGTH = 16L * 1024 * 1024;

    public static final JsonReadLimits DEFAULTS = new JsonReadLimits(DEFAULT_NESTING_DEPTH, DEFAULT_STRING_LENGTH,
            DEFAULT_NUMBER_LENGTH, DEFAULT_NAME_LENGTH, DEFAULT_DOCUMENT_LENGTH);

    public JsonReadLimits {
        if (maxNestingDepth < 1 || maxStringLength < 1 || maxNumberLength < 1 || maxNameLength < 1
                || maxDocumentLength < 1) {
            throw new IllegalArgumentException("every hub.json.* limit must be positive");
        }
    }

    /**
     * The configured limits. Read from MicroProfile Config when the server runs; a plain JVM without a Config
     * implementation (unit tests, tools) gets {@link #DEFAULTS}.
     */
    public static JsonReadLimits configured() {
        return config().map(JsonReadLimits::from).orElse(DEFAULTS);
    }

    static JsonReadLimits from(Config config) {
        return new JsonReadLimits(
                config.getOptionalValue(NESTING_DEPTH_KEY, Integer.class).orElse(DEFAULT_NESTING_DEPTH),
                config.getOptionalValue(STRING_LENGTH_KEY, Integer.class).orElse(DEFAULT_STRING_LENGTH),
                config.getOptionalValue(NUMBER_LENGTH_KEY, Integer.class).orElse(DEFAULT_NUMBER_LENGTH),
                config.getOptionalValue(NAME_LENGTH_KEY, Integer.class).orElse(DEFAULT_NAME_LENGTH),
                config.getOptionalValue(DOCUMENT_LENGTH_KEY, Long.class).orElse(DEFAULT_DOCUMENT_LENGTH));
    }

    public StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxNameLength(maxNameLength)
                .maxDocumentLength(maxDocumentLength)
                .build();
    }

    private static Optional<Config> config() {
        try {
            return Optional.of(ConfigProvider.getConfig(JsonReadLimits.class.getClassLoader()));
        } catch (IllegalStateException | java.util.ServiceConfigurationError noImplementation) {
            return Optional.empty();
        }
    }
}
