package org.learninghub.connect.xapi.statement.attachment;

import java.util.Map;
import java.util.Optional;

/** One part of a multipart/mixed body: its headers (names lower-cased) and raw bytes. */
public record Part(Map<String, String> headers, byte[] body) {

    public Part {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
