package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.attachment.MultipartMixed;
import org.learninghub.connect.xapi.statement.attachment.Part;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;
import org.learninghub.connect.xapi.statement.store.Attachment;
import org.learninghub.connect.xapi.statement.store.StatementFinder;
import org.learninghub.connect.xapi.statement.store.StoredStatement;

/**
 * The body of a statement GET: JSON, or with {@code attachments=true} multipart/mixed whose first part
 * is the JSON and whose other parts are the attachments' contents (1.0.3 Communication §2.1.3).
 */
@ApplicationScoped
public class StatementResponses {

    @Inject
    StatementFinder finder;

    Response.ResponseBuilder of(long tenant, JsonNode json, List<StoredStatement> rows, boolean attachments) {
        if (!attachments) {
            return Response.ok(json.toString(), MediaType.APPLICATION_JSON_TYPE);
        }
        Set<String> sha2s = new LinkedHashSet<>();
        for (StoredStatement row : rows) {
            if (row.hasAttachments()) {
                JsonNode stored = XapiJson.parse(row.json(), "statement");
                stored.path("attachments").forEach(a -> sha2s.add(a.path("sha2").asText().toLowerCase()));
            }
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Map.of("Content-Type", "application/json"), json.toString().getBytes(StandardCharsets.UTF_8)));
        for (Attachment a : finder.attachments(tenant, sha2s)) {
            parts.add(new Part(Map.of("Content-Type", a.contentType(), "Content-Transfer-Encoding", "binary",
                    StatementBody.HASH_HEADER, a.sha2()), a.content()));
        }
        String[] boundary = new String[1];
        byte[] body = MultipartMixed.write(parts, boundary);
        return Response.ok(body, "multipart/mixed; boundary=" + boundary[0]);
    }
}
