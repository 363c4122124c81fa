package org.learninghub.connect.xapi.document;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * The {@code If-Match} and {@code If-None-Match} headers of a write (1.0.3 Communication §3.1, RFC 7232
 * §3.1–3.2), checked against the document as it is inside the writing transaction, so the check and the
 * write cannot be separated by another writer.
 *
 * <p>Each header is kept as its set of opaque tags (quotes removed) or {@code *}. A weak tag keeps its
 * {@code W/} prefix, so it never matches: If-Match compares strongly, and this LRS's tags are strong.
 */
public record Preconditions(Optional<Set<String>> ifMatch, Optional<Set<String>> ifNoneMatch) {

    static final String ANY = "*";

    public static Preconditions none() {
        return new Preconditions(Optional.empty(), Optional.empty());
    }

    /** From the raw header values; null or blank means the header is absent. */
    public static Preconditions of(String ifMatch, String ifNoneMatch) {
        return new Preconditions(tags(ifMatch, "If-Match"), tags(ifNoneMatch, "If-None-Match"));
    }

    /** True when the request carries neither header. */
    public boolean absent() {
        return ifMatch.isEmpty() && ifNoneMatch.isEmpty();
    }

    /** Refuses with 412 unless the document's current state (its ETag, or none) satisfies both headers. */
    public void check(Optional<String> currentEtag) {
        ifMatch.ifPresent(tags -> {
            if (currentEtag.isEmpty()) {
                throw XapiException.preconditionFailed("If-Match: there is no such document to match");
            }
            if (!tags.contains(ANY) && !tags.contains(currentEtag.get())) {
                throw XapiException.preconditionFailed("If-Match: the document has changed; its ETag is now \""
                        + currentEtag.get() + "\"");
            }
        });
        ifNoneMatch.ifPresent(tags -> {
            if (currentEtag.isPresent() && (tags.contains(ANY) || tags.contains(currentEtag.get()))) {
                throw XapiException.preconditionFailed("If-None-Match: the document already exists");
            }
        });
    }

    /** Splits an entity-tag list ({@code "a", W/"b"} or {@code *}); a tag may hold commas inside its quotes. */
    static Optional<Set<String>> tags(String header, String name) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                add(tags, tag);
            } else {
                tag.append(c);
            }
        }
        if (quoted) {
            throw XapiException.invalid(name, "has an entity tag without its closing quote");
        }
        add(tags, tag);
        if (tags.isEmpty()) {
            throw XapiException.invalid(name, "must hold * or a list of quoted entity tags");
        }
        return Optional.of(Set.copyOf(tags));
    }

    private static void add(Set<String> tags, StringBuilder tag) {
        String t = tag.toString().strip();
        if (!t.isEmpty()) {
            tags.add(t);
        }
        tag.setLength(0);
    }
}
