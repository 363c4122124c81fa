package org.learninghub.connect.xapi.document;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * A document's contents as the LRS stores them: the exact bytes and the content type they came with
 * (1.0.3 Communication §2.2: "contents: arbitrary binary data").
 */
public record DocumentBody(String contentType, byte[] content) {

    /** What a document sent without a {@code Content-Type} is stored as. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    public DocumentBody {
        Objects.requireNonNull(contentType, "contentType is required");
        Objects.requireNonNull(content, "content is required");
    }

    /** True for {@code application/json}, whatever its parameters (a charset): the type JSON merge works on. */
    public boolean isJson() {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** A body that says it is JSON must be JSON; anything else is stored as it came. */
    public DocumentBody requireWellFormed() {
        if (isJson()) {
            XapiJson.parse(new String(content, StandardCharsets.UTF_8), "content");
        }
        return this;
    }

    /** 1.0.3 Communication §3.1: the ETag is the hex SHA-1 of the contents. */
    public String etag() {
        return Etags.sha1(content);
    }
}
