package org.learninghub.connect.xapi.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.query.StatementQuery;
import org.learninghub.connect.xapi.statement.store.EmbeddedStore;
import org.learninghub.connect.xapi.statement.store.StatementReads;
import org.learninghub.connect.xapi.statement.store.StoredAttachment;

/** Query pages read through a cursor of the embedded database and written as they are read. */
class PageWriterTest {

    static final long TENANT = 3;

    EmbeddedStore store;
    List<StoredAttachment> named;

    @BeforeEach
    void open() throws Exception {
        store = new EmbeddedStore();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    static String statement(int n, String... sha2s) {
        StringBuilder attachments = new StringBuilder();
        for (String sha2 : sha2s) {
            attachments.append(attachments.isEmpty() ? "" : ",").append("{\"sha2\":\"").append(sha2.toUpperCase()).append("\"}");
        }
        return "{\"id\":\"s" + n + "\"" + (sha2s.length == 0 ? "" : ",\"attachments\":[" + attachments + "]") + "}";
    }

    /** Stores statements with seq 1..n, each with its own attachment of this many bytes; returns their sha2s. */
    List<String> statementsWithAttachments(int n, int bytes) throws Exception {
        List<String> sha2s = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            byte[] content = new byte[bytes];
            content[0] = (byte) i;
            String sha2 = store.attachment(TENANT, content);
            sha2s.add(sha2);
            store.statement(TENANT, i, statement(i, sha2), true);
        }
        return sha2s;
    }

    JsonNode page(String limit, boolean attachments, long budget) throws Exception {
        return XapiJson.MAPPER.readTree(written(limit, attachments, budget, false));
    }

    String written(String limit, boolean attachments, long budget, boolean asStored) throws Exception {
        PageRequest page = new PageRequest(TENANT, StatementQuery.parse(Map.of("limit", limit), Optional.empty()), Optional.empty(),
                attachments, UnaryOperator.identity(), asStored, seq -> "more-after-" + seq);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StatementReads reads = store.reads()) {
            named = PageWriter.write(page, budget, reads, out);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void aPageStopsBeforeItsAttachmentsPassTheBudgetAndContinuesAfterTheLastStatementWritten() throws Exception {
        List<String> sha2s = statementsWithAttachments(5, 400_000);
        JsonNode page = page("10", true, 1_000_000);
        assertEquals(List.of("s5", "s4"), ids(page), "stored order, newest first, until the next would pass 1 MB");
        assertEquals("more-after-4", page.get("more").asText());
        assertEquals(List.of(sha2s.get(4), sha2s.get(3)), named.stream().map(StoredAttachment::sha2).toList());
        assertTrue(named.stream().allMatch(a -> a.length() == 400_000));
    }

    @Test
    void theFirstStatementIsWrittenEvenWhenItsAttachmentsAloneExceedTheBudget() throws Exception {
        statementsWithAttachments(2, 400_000);
        JsonNode page = page("10", true, 1000);
        assertEquals(List.of("s2"), ids(page), "a page always moves on");
        assertEquals("more-after-2", page.get("more").asText());
        assertEquals(1, named.size());
    }

    @Test
    void anAttachmentNamedByManyStatementsCountsOnce() throws Exception {
        String shared = store.attachment(TENANT, new byte[600_000]);
        for (int i = 1; i <= 3; i++) {
            store.statement(TENANT, i, statement(i, shared), true);
        }
        JsonNode page = page("10", true, 1_000_000);
        assertEquals(List.of("s3", "s2", "s1"), ids(page));
        assertEquals("", page.get("more").asText());
        assertEquals(1, named.size());
    }

    @Test
    void withoutAttachmentsOnlyTheLimitEndsAPage() throws Exception {
        statementsWithAttachments(5, 400_000);
        JsonNode first = page("2", false, 1);
        assertEquals(List.of("s5", "s4"), ids(first));
        assertEquals("more-after-4", first.get("more").asText());
        assertTrue(named.isEmpty());
        JsonNode all = page("5", false, 1);
        assertEquals(5, all.get("statements").size());
        assertEquals("", all.get("more").asText(), "the last page has no more");
    }

    @Test
    void attachmentsWithoutStoredContentAreNamedInTheStatementOnly() throws Exception {
        store.statement(TENANT, 1, statement(1, "ab".repeat(32)), true);
        JsonNode page = page("10", true, 1000);
        assertEquals(List.of("s1"), ids(page));
        assertTrue(named.isEmpty(), "a fileUrl-only attachment has no part");
    }

    @Test
    void anExactPageCarriesTheStoredTextOfEachStatementAsTheParsedPathWritesIt() throws Exception {
        // Stored text is always what the LRS wrote from the parsed statement (decimals normalised, escapes its own).
        String[] stored = {
            XapiJson.MAPPER.readTree("{\"id\":\"s1\",\"result\":{\"score\":{\"scaled\":0.80,\"raw\":1E+2}},"
                    + "\"verb\":{\"display\":{\"cy-GB\":\"cwblhawyd \\u2713\"}}}").toString(),
            XapiJson.MAPPER.readTree("{\"id\":\"s2\",\"object\":{\"definition\":{\"name\":{\"en-GB\":"
                    + "\"quote \\\" and \\\\ slash \\u0001\"}}}}").toString(),
        };
        store.statement(TENANT, 1, stored[0], false);
        store.statement(TENANT, 2, stored[1], false);
        String raw = written("1", false, 1000, true);
        String parsed = written("1", false, 1000, false);
        assertEquals(parsed, raw, "the same bytes either way");
        assertTrue(raw.contains(stored[1]), raw);
        assertEquals(written("5", false, 1000, false), written("5", false, 1000, true));
        assertEquals(List.of("s2", "s1"), ids(XapiJson.MAPPER.readTree(written("5", false, 1000, true))));
    }

    @Test
    void anExactPageStillLooksUpTheAttachmentsOfStatementsThatHaveThem() throws Exception {
        List<String> sha2s = statementsWithAttachments(2, 1000);
        store.statement(TENANT, 3, statement(3), false);
        JsonNode page = XapiJson.MAPPER.readTree(written("10", true, 1_000_000, true));
        assertEquals(List.of("s3", "s2", "s1"), ids(page));
        assertEquals(List.of(sha2s.get(1), sha2s.get(0)), named.stream().map(StoredAttachment::sha2).toList());
    }
}
