package org.learninghub.connect.xapi.statement.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.statement.store.Attachment;

/**
 * Matches statements' attachment metadata with the parts of the request (1.0.3 Communication §2.1.2):
 * an attachment without {@code fileUrl} must come as a part with its SHA-2; every part must belong to
 * some statement; signature attachments are verified.
 */
public final class AttachmentCheck {

    static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

    private AttachmentCheck() {
    }

    public static void check(List<JsonNode> statements, StatementBody body) {
        Map<String, Attachment> parts = body.bySha2();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = statements.size() == 1 ? "attachments" : "[" + i + "].attachments";
            JsonNode list = s.path("attachments");
            for (int a = 0; a < list.size(); a++) {
                JsonNode meta = list.get(a);
                String sha2 = Sha2.normalise(meta.get("sha2").asText());
                Attachment content = parts.get(sha2);
                if (content == null) {
                    if (!meta.has("fileUrl")) {
                        throw XapiException.invalid(at + "[" + a + "].sha2",
                                "no multipart/mixed part carries this attachment, and it has no fileUrl");
                    }
                    continue;
                }
                used.add(sha2);
                if (SignatureVerifier.USAGE_TYPE.equals(meta.get("usageType").asText())) {
                    if (!meta.get("contentType").asText().startsWith("application/octet-stream")) {
                        throw XapiException.invalid(at + "[" + a + "].contentType",
                                "a signature attachment must be application/octet-stream");
                    }
                    SignatureVerifier.verify(s, signature(content, at + "[" + a + "]"), at + "[" + a + "]");
                }
            }
        }
        for (String sha2 : parts.keySet()) {
            if (!used.contains(sha2)) {
                throw XapiException.invalid(StatementBody.HASH_HEADER, "part " + sha2 + " matches no statement attachment");
            }
        }
    }

    /** A JWS is a few kilobytes; a larger signature part is refused rather than read into memory. */
    private static byte[] signature(Attachment part, String path) {
        if (part.content().length() > MAX_SIGNATURE_BYTES) {
            throw XapiException.invalid(path, "a signature attachment may hold at most " + MAX_SIGNATURE_BYTES + " bytes");
        }
        try (InputStream in = part.content().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a received attachment could not be read back", e);
        }
    }
}
