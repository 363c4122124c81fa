package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.statement.attachment.AttachmentCheck;
import org.learninghub.connect.xapi.statement.attachment.StatementBody;
import org.learninghub.connect.xapi.statement.store.NewStatement;
import org.learninghub.connect.xapi.statement.store.StatementConflict;
import org.learninghub.connect.xapi.statement.store.StatementIndex;
import org.learninghub.connect.xapi.statement.store.StatementWriter;
import org.learninghub.connect.xapi.statement.validation.StatementRules;

/**
 * Stores what a PUT or POST sent: validate every statement, complete it with what the LRS sets (id,
 * stored, timestamp, authority, version — 1.0.3 Data §2.4), then write the whole request in one
 * transaction. Nothing is stored unless everything is valid.
 */
@ApplicationScoped
public class StatementIntake {

    /** Rounds of a request whose ids another request stored concurrently; the next round sees them. */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(StatementIntake.class.getName());

    /** Setting: the most statements one PUT or POST may carry (413 above). */
    public static final String MAX_BATCH_KEY = "hub.limit.statement.batch";
    static final String DEFAULT_MAX_BATCH = "1000";
    @Inject
    StatementWriter writer;

    @Inject
    @ConfigProperty(name = MAX_BATCH_KEY, defaultValue = DEFAULT_MAX_BATCH)
    int maxBatch;

    /** @return the ids of the statements, in the order sent */
    public List<UUID> store(List<JsonNode> statements, StatementBody body, LrsPrincipal principal, XapiVersion version) {
        // 1.0.3 Communication §3.2 (3.2.s3.b11, b12): the LRS chooses its size limits and refuses a request beyond
        // them with 413. Checked first, so an oversized batch costs no validation and no transaction.
        if (statements.size() > maxBatch) {
            throw new XapiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "statement", "a request may carry at most "
                    + maxBatch + " statements, this one carries " + statements.size() + " (setting " + MAX_BATCH_KEY + ")");
        }
        OffsetDateTime stored = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<NewStatement> batch = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            String path = statements.size() == 1 ? "" : "[" + i + "]";
            ObjectNode sent = StatementRules.validate(statements.get(i), path, version);
            String at = path;
            principal.restriction().ifPresent(r -> r.checkStatement(sent, at));
            ObjectNode complete = complete(sent.deepCopy(), stored, principal, version);
            NewStatement s = StatementIndex.of(complete, sent);
            if (!ids.add(s.id())) {
                throw XapiException.invalid(path + "id", "the id " + s.id() + " appears more than once in this request");
            }
            batch.add(s);
        }
        AttachmentCheck.check(statements, body);
        for (int attempt = 1; ; attempt++) {
            try {
                writer.store(principal.tenantId(), batch, body.attachments(), stored);
                return batch.stream().map(NewStatement::id).toList();
            } catch (RuntimeException e) {
                RuntimeException cause = unwrap(e);
                if (!(cause instanceof StatementConflict) || attempt == ATTEMPTS) {
                    throw cause instanceof StatementConflict
                            ? XapiException.conflict("id", "statements with these ids are being stored concurrently; retry")
                            : cause;
                }
                LOG.fine(() -> "concurrent insert of the same key, retrying: " + cause.getCause());
            }
        }
    }

    /** The transaction interceptor may wrap what the writer threw; refusals must reach the client as such. */
    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XapiException x) {
                return x;
            }
            if (t instanceof StatementConflict c) {
                return c;
            }
        }
        return e;
    }

    private static ObjectNode complete(ObjectNode s, OffsetDateTime stored, LrsPrincipal principal, XapiVersion version) {
        if (!s.has("id")) {
            s.put("id", UUID.randomUUID().toString());
        }
        String storedText = stored.toString();
        s.put("stored", storedText);
        if (!s.has("timestamp")) {
            s.put("timestamp", storedText);
        }
        s.set("authority", principal.authority().toJson());
        if (!s.has("version")) {
            s.put("version", version.isAtLeast2() ? "2.0.0" : "1.0.0");
        }
        return s;
    }
}
