package org.learninghub.connect.xapi.statement.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.learninghub.connect.xapi.http.XapiException;

/**
 * RFC 2046 multipart/mixed, as xAPI uses it for attachments (1.0.3 Communication §2.1.2, Data §2.4.11):
 * read a request body into parts, and write a response of parts. Binary-safe: parts are sliced on the
 * boundary bytes, never decoded as text.
 */
public final class MultipartMixed {

    private static final byte[] CRLF = {'\r', '\n'};

    private MultipartMixed() {
    }

    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw XapiException.invalid("Content-Type", "multipart body has no part with boundary " + boundary);
        }
        int pos = start + delimiter.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts;
            }
            pos = skipLineEnd(body, pos);
            int next = indexOf(body, delimiter, pos);
            if (next < 0) {
                throw XapiException.invalid("Content-Type", "multipart body does not end with its closing boundary");
            }
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            parts.add(part(body, pos, end));
            pos = next + delimiter.length;
        }
    }

    private static Part part(byte[] body, int from, int to) {
        Map<String, String> headers = new HashMap<>();
        int pos = from;
        while (pos < to) {
            int eol = indexOf(body, new byte[] {'\n'}, pos);
            if (eol < 0 || eol > to) {
                eol = to;
            }
            String line = new String(body, pos, eol - pos, StandardCharsets.ISO_8859_1).stripTrailing();
            pos = Math.min(eol + 1, to);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XapiException.invalid("Content-Type", "a multipart part has a malformed header: " + line);
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] content = new byte[Math.max(0, to - pos)];
        System.arraycopy(body, pos, content, 0, content.length);
        return new Part(headers, content);
    }

    private static int skipLineEnd(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        if (pos < body.length && body[pos] == '\r') {
            pos++;
        }
        if (pos < body.length && body[pos] == '\n') {
            pos++;
        }
        return pos;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A multipart/mixed body of these parts; returns the body and sets {@code boundary[0]}. */
    public static byte[] write(List<Part> parts, String[] boundary) {
        boundary[0] = "xapi-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary[0]).getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(CRLF);
            p.headers().forEach((k, v) -> {
                out.writeBytes((k + ": " + v).getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(CRLF);
            });
            out.writeBytes(CRLF);
            out.writeBytes(p.body());
            out.writeBytes(CRLF);
        }
        out.writeBytes(("--" + boundary[0] + "--").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(CRLF);
        return out.toByteArray();
    }
}
