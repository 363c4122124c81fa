package org.learninghub.connect.xapi.statement.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.Attachment;

/**
 * The body of a PUT or POST of statements: {@code application/json}, or {@code multipart/mixed} whose
 * first part is the statements and whose other parts are attachment contents, each named by the SHA-2
 * of its bytes (1.0.3 Communication §2.1.2, Data §2.4.11). Closing releases the attachments' bytes.
 */
public record StatementBody(JsonNode json, List<Attachment> attachments) implements AutoCloseable {

    public static final String HASH_HEADER = "X-Experience-API-Hash";
    private static final Logger LOG = Logger.getLogger(StatementBody.class.getName());

    public StatementBody {
        attachments = List.copyOf(attachments);
    }

    /**
     * @param contentLength the request's declared length, or -1: a multipart body declared longer than
     *                      its limit is refused before a byte is read
     */
    public static StatementBody read(MediaType type, InputStream body, long contentLength, AttachmentLimits limits) {
        if (type != null && type.isCompatible(new MediaType("multipart", "mixed"))) {
            String boundary = type.getParameters().get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw XapiException.invalid("Content-Type", "multipart/mixed needs a boundary parameter");
            }
            return MultipartStatements.read(body, boundary, contentLength, limits);
        }
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw XapiException.invalid("Content-Type", "must be application/json or multipart/mixed, not " + type.getType() + "/" + type.getSubtype());
        }
        try {
            return new StatementBody(XapiJson.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8), "statement"), List.of());
        } catch (IOException e) {
            throw XapiException.invalid("statement", "the body could not be read to its end: " + e.getMessage());
        }
    }

    /** The attachments by SHA-2 (lower-case hex), to match statement attachment metadata against. */
    public Map<String, Attachment> bySha2() {
        Map<String, Attachment> map = new HashMap<>();
        attachments.forEach(a -> map.putIfAbsent(a.sha2(), a));
        return map;
    }

    @Override
    public void close() {
        discard(attachments);
    }

    /** Releases the bytes; a temporary file that cannot be deleted is logged, never a refusal. */
    static void discard(List<Attachment> attachments) {
        for (Attachment a : attachments) {
            try {
                a.content().close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "an attachment's temporary file could not be deleted", e);
            }
        }
    }
}
