package org.learninghub.connect.xapi.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The form body of a 1.0.3 alternate-syntax request (Communication §1.3): header fields (matched
 * without regard to case, kept lower-cased), {@code content} and the other parameters. The form carries
 * the credentials, so it is read before authentication: always whole, never more than {@link #maxBytes()}.
 */
public final class AlternateSyntaxForm {

    /** Setting: the largest alternate-syntax form body read (bytes). */
    public static final String LIMIT_KEY = "hub.limit.alternate-syntax.bytes";
    public static final int DEFAULT_LIMIT = 1024 * 1024;

    /** Request attribute under which the authentication step leaves the form bytes it has read. */
    public static final String BODY_ATTRIBUTE = AlternateSyntaxForm.class.getName() + ".body";

    /** The form fields that are request headers (1.0.3 Communication §1.3). */
    static final Set<String> HEADERS = Set.of("authorization", "x-experience-api-version", "content-type",
            "content-length", "if-match", "if-none-match", "accept-language");

    private final Map<String, String> fields;

    private AlternateSyntaxForm(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Whether a request of this method, query and content type uses the alternate syntax. */
    public static boolean applies(String method, String rawQuery, String contentType) {
        return HttpMethod.POST.equals(method) && rawQuery != null
                && (rawQuery.startsWith("method=") || rawQuery.contains("&method="))
                && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    public static AlternateSyntaxForm parse(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            String pair = text.substring(start, end);
            start = end + 1;
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            form.put(HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name, value);
        }
        return new AlternateSyntaxForm(Collections.unmodifiableMap(form));
    }

    /** The fields in the order sent; header names lower-cased. */
    public Map<String, String> fields() {
        return fields;
    }

    public String authorization() {
        return fields.get("authorization");
    }

    public static int maxBytes() {
        return Limit.VALUE;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw XapiException.invalid("content", "the alternate-syntax form is not valid "
                    + MediaType.APPLICATION_FORM_URLENCODED);
        }
    }

    private static final class Limit {
        static final int VALUE = ConfigProvider.getConfig(AlternateSyntaxForm.class.getClassLoader())
                .getOptionalValue(LIMIT_KEY, Integer.class).orElse(DEFAULT_LIMIT);
    }
}
