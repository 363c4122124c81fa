package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.store.StatementReads;
import org.learninghub.connect.xapi.statement.store.StoredAttachment;
import org.learninghub.connect.xapi.statement.store.StoredStatement;

/**
 * Writes a StatementResult (1.0.3 Communication §2.1.3, Data §2.5) while its rows are read: each
 * statement is formatted and written before the next row is fetched. With attachments, the page ends
 * early, with a {@code more} link after the last statement written, before the attachments it names
 * would pass the answer's attachment budget; the first statement is always written, so paging moves on.
 */
final class PageWriter implements StatementReads.RowVisitor {

    private final PageRequest page;
    private final long attachmentBudget;
    private final StatementReads reads;
    private final JsonGenerator json;
    private final Map<String, StoredAttachment> attachments = new LinkedHashMap<>();
    private long attachmentBytes;
    private int written;
    private long lastSeq;
    private boolean more;

    private PageWriter(PageRequest page, long attachmentBudget, StatementReads reads, JsonGenerator json) {
        this.page = page;
        this.attachmentBudget = attachmentBudget;
        this.reads = reads;
        this.json = json;
    }

    /** Writes the page's JSON to {@code out}, which stays open; returns the stored attachments it names. */
    static List<StoredAttachment> write(PageRequest page, long attachmentBudget, StatementReads reads, OutputStream out)
            throws IOException {
        try (JsonGenerator json = XapiJson.MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            PageWriter writer = new PageWriter(page, attachmentBudget, reads, json);
            json.writeStartObject();
            json.writeArrayFieldStart("statements");
            reads.page(page.tenant(), page.query(), page.mine(), writer);
            json.writeEndArray();
            json.writeStringField("more", writer.more ? page.moreAfter().apply(writer.lastSeq) : "");
            json.writeEndObject();
            return new ArrayList<>(writer.attachments.values());
        }
    }

    @Override
    public boolean visit(StoredStatement row) throws IOException {
        if (written == page.query().limit()) {
            more = true;
            return false;
        }
        boolean withAttachments = page.attachments() && row.hasAttachments();
        if (page.asStored() && !withAttachments) {
            // The stored text is the statement as the LRS wrote it, compact JSON from the same mapper: parsing
            // it only to write it again was most of the CPU time of writing a page (src/docs/performance.md).
            json.writeRawValue(row.json());
            written++;
            lastSeq = row.seq();
            return true;
        }
        ObjectNode statement = StatementReader.read(row.json());
        if (withAttachments) {
            Set<String> named = StatementResponses.sha2s(statement).stream()
                    .filter(sha2 -> !attachments.containsKey(sha2)).collect(Collectors.toSet());
            List<StoredAttachment> adding = reads.attachments(page.tenant(), named);
            long bytes = adding.stream().mapToLong(StoredAttachment::length).sum();
            if (written > 0 && attachmentBytes + bytes > attachmentBudget) {
                more = true;
                return false;
            }
            adding.forEach(a -> attachments.put(a.sha2(), a));
            attachmentBytes += bytes;
        }
        json.writeTree(page.format().apply(statement));
        written++;
        lastSeq = row.seq();
        return true;
    }
}
