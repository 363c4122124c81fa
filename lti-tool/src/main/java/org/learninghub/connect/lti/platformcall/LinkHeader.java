package org.learninghub.connect.lti.platformcall;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Link} header (RFC 8288) as AGS 2.0 §3.2.5 and NRPS 2.0 §2.4.1 use it for paging:
 * {@code <https://…?page=2>; rel="next", <https://…>; rel="differences"}. One pass over a header already
 * bounded in length, no regular expression. A link is kept only when it resolves to the origin of the
 * request that returned it: the tool sends its access token to the next page, and a platform (or whoever
 * answers for it) must not be able to send that token elsewhere.
 */
public final class LinkHeader {

    /** Longer {@code Link} headers are ignored: paging needs a few hundred characters. */
    static final int MAX_LENGTH = 8192;

    private LinkHeader() {
    }

    /** The link of relation {@code rel} in the answer to a request for {@code requested}. */
    public static Optional<URI> link(HttpHeaders headers, URI requested, String rel) {
        for (String header : headers.allValues("Link")) {
            URI found = links(header, requested).get(rel);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Relation → URL, resolved against {@code base}; the first link of a relation wins. */
    static Map<String, URI> links(String header, URI base) {
        Map<String, URI> links = new LinkedHashMap<>();
        if (header.length() > MAX_LENGTH) {
            return links;
        }
        for (String value : values(header)) {
            int open = value.indexOf('<');
            int close = value.indexOf('>', open + 1);
            if (open != 0 || close < 0) {
                continue;
            }
            Optional<URI> target = resolve(base, value.substring(1, close));
            if (target.isEmpty()) {
                continue;
            }
            for (String parameter : value.substring(close + 1).split(";")) {
                int eq = parameter.indexOf('=');
                if (eq < 0 || !parameter.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                    continue;
                }
                String rels = unquote(parameter.substring(eq + 1).trim());
                for (String rel : rels.split(" ")) {
                    if (!rel.isBlank()) {
                        links.putIfAbsent(rel.toLowerCase(Locale.ROOT), target.get());
                    }
                }
            }
        }
        return links;
    }

    /** The comma-separated link values; commas inside {@code <…>} or quotes belong to the value. */
    private static List<String> values(String header) {
        List<String> values = new ArrayList<>();
        boolean inUri = false;
        boolean inQuotes = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<' && !inQuotes) {
                inUri = true;
            } else if (c == '>' && !inQuotes) {
                inUri = false;
            } else if (c == '"' && !inUri) {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inUri && !inQuotes) {
                values.add(header.substring(start, i).trim());
                start = i + 1;
            }
        }
        values.add(header.substring(start).trim());
        return values;
    }

    private static Optional<URI> resolve(URI base, String reference) {
        try {
            URI target = base.resolve(new URI(reference.trim()));
            return sameOrigin(base, target) ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Same scheme, host and port (RFC 6454), the defaults of http and https filled in. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
