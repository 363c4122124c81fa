package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.xapi.statement.attachment.MultipartWriter;
import org.learninghub.connect.xapi.statement.attachment.Sha2;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;
import org.learninghub.connect.xapi.statement.store.StatementFinder;
import org.learninghub.connect.xapi.statement.store.StatementReads;
import org.learninghub.connect.xapi.statement.store.StoredAttachment;

/**
 * The body of a statement GET: JSON, or with {@code attachments=true} multipart/mixed whose first part
 * is the JSON and whose other parts are the attachments' contents (1.0.3 Communication §2.1.3). Bodies
 * are written as they are read from the database, never held whole: the heap an answer takes does not
 * grow with its statements or attachments. A query page holds at most
 * {@code hub.limit.response.attachment-bytes} of attachments and continues through {@code more}.
 */
@ApplicationScoped
public class StatementResponses {

    /** Default of {@code hub.limit.response.attachment-bytes}: 64 MiB of attachments per answer. */
    static final long DEFAULT_ATTACHMENT_BYTES = 64L * 1024 * 1024;
    private static final Map<String, String> JSON_PART = Map.of("Content-Type", MediaType.APPLICATION_JSON);

    @Inject
    StatementFinder finder;

    @Inject
    @ConfigProperty(name = "hub.limit.response.attachment-bytes", defaultValue = "" + DEFAULT_ATTACHMENT_BYTES)
    long attachmentBudget;

    /** One statement, with every attachment it names when asked: a single statement is never split. */
    Response.ResponseBuilder single(long tenant, ObjectNode statement, boolean attachments) {
        if (!attachments) {
            return Response.ok(statement.toString(), MediaType.APPLICATION_JSON_TYPE);
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            try (StatementReads reads = finder.read()) {
                MultipartWriter multipart = new MultipartWriter(out, boundary);
                multipart.part(JSON_PART);
                out.write(statement.toString().getBytes(StandardCharsets.UTF_8));
                writeAttachments(tenant, reads.attachments(tenant, sha2s(statement)), reads, multipart, out);
            }
        };
        return Response.ok(body, MultipartWriter.contentType(boundary));
    }

    /** A StatementResult page of a query. */
    Response.ResponseBuilder page(PageRequest page) {
        if (!page.attachments()) {
            StreamingOutput body = out -> {
                try (StatementReads reads = finder.read()) {
                    PageWriter.write(page, attachmentBudget, reads, out);
                }
            };
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            try (StatementReads reads = finder.read()) {
                MultipartWriter multipart = new MultipartWriter(out, boundary);
                multipart.part(JSON_PART);
                List<StoredAttachment> named = PageWriter.write(page, attachmentBudget, reads, out);
                writeAttachments(page.tenant(), named, reads, multipart, out);
            }
        };
        return Response.ok(body, MultipartWriter.contentType(boundary));
    }

    private static void writeAttachments(long tenant, List<StoredAttachment> attachments, StatementReads reads,
            MultipartWriter multipart, OutputStream out) throws IOException {
        for (StoredAttachment a : attachments) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", headerSafe(a.contentType()));
            headers.put("Content-Transfer-Encoding", "binary");
            headers.put(StatementBody.HASH_HEADER, a.sha2());
            multipart.part(headers);
            reads.copy(tenant, a, out);
        }
        multipart.finish();
    }

    /** Types stored before part headers were checked may hold anything; a header gets printable ASCII only. */
    private static String headerSafe(String contentType) {
        boolean printable = contentType != null && !contentType.isBlank()
                && contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return printable ? contentType : MediaType.APPLICATION_OCTET_STREAM;
    }

    /** The SHA-2s (lower-case hex) of the attachments a statement names, in its order. */
    static Set<String> sha2s(JsonNode statement) {
        Set<String> sha2s = new LinkedHashSet<>();
        statement.path("attachments").forEach(a -> sha2s.add(Sha2.normalise(a.path("sha2").asText())));
        return sha2s;
    }
}
