package org.learninghub.connect.xapi.statement.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * Query pages on the embedded database: paging by the stored-order key (the {@code more} cursor) returns
 * exactly the statements of one long page, in the same order, however many statements share a stored
 * time, for every filter shape.
 */
class StatementPagesTest {

    static final long TENANT = 5;
    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-01-01T10:00:00Z");
    static final OffsetDateTime T2 = T1.plusSeconds(1);
    static final OffsetDateTime T3 = T1.plusSeconds(2);

    EmbeddedStore store;

    @BeforeEach
    void open() throws Exception {
        store = new EmbeddedStore();
        // Three requests' batches: seq 1-4 stored at T1, 5-8 at T2, 9-10 at T3. Odd seqs are ann's on
        // activity a1 (direct); even seqs bob's on a2 with a1 as parent (related); every third is "completed".
        for (int seq = 1; seq <= 10; seq++) {
            OffsetDateTime stored = seq <= 4 ? T1 : seq <= 8 ? T2 : T3;
            boolean ann = seq % 2 == 1;
            insert("INSERT INTO xapi_statement (tenant_id, id, seq, stored, voided, has_attachments, statement_json) "
                    + "VALUES (?, RANDOM_UUID(), ?, ?, ?, FALSE, ?)", TENANT, seq, stored, seq == 7, "{\"id\":\"s" + seq + "\"}");
            insert("INSERT INTO xapi_statement_agent VALUES (?,?,?,?)", TENANT, seq, ann ? "mbox:mailto:ann@x" : "mbox:mailto:bob@x", "D");
            insert("INSERT INTO xapi_statement_activity VALUES (?,?,?,?)", TENANT, seq, ann ? "http://a1" : "http://a2", "D");
            if (!ann) {
                insert("INSERT INTO xapi_statement_activity VALUES (?,?,?,?)", TENANT, seq, "http://a1", "R");
            }
            insert("INSERT INTO xapi_statement_verb VALUES (?,?,?)", TENANT, seq, seq % 3 == 0 ? "http://completed" : "http://experienced");
        }
        // Another tenant's statement at the same seq order never shows.
        insert("INSERT INTO xapi_statement (tenant_id, id, seq, stored, voided, has_attachments, statement_json) "
                + "VALUES (?, RANDOM_UUID(), 11, ?, FALSE, FALSE, '{\"id\":\"other\"}')", TENANT + 1, T2);
        insert("INSERT INTO xapi_statement_activity VALUES (?,?,?,?)", TENANT + 1, 11, "http://a1", "D");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    void insert(String sql, Object... args) throws Exception {
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** The ids of one page and the seq the next page continues after (empty: no next page). */
    record Page(List<String> ids, Optional<Long> more) {
    }

    Page page(Map<String, String> parameters, int limit, Optional<Long> after) throws Exception {
        Map<String, String> p = new HashMap<>(parameters);
        p.put("limit", String.valueOf(limit));
        StatementQuery query = StatementQuery.parse(p, after);
        List<StoredStatement> rows = new ArrayList<>();
        try (StatementReads reads = store.reads()) {
            reads.page(TENANT, query, Optional.empty(), row -> rows.add(row) && rows.size() <= limit);
        }
        List<String> ids = new ArrayList<>();
        for (StoredStatement row : rows.subList(0, Math.min(limit, rows.size()))) {
            ids.add(XapiJson.MAPPER.readTree(row.json()).get("id").asText());
        }
        return new Page(ids, rows.size() > limit ? Optional.of(rows.get(limit - 1).seq()) : Optional.empty());
    }

    List<String> allPages(Map<String, String> parameters, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        Optional<Long> after = Optional.empty();
        do {
            Page page = page(parameters, limit, after);
            assertTrue(page.ids().size() <= limit);
            ids.addAll(page.ids());
            after = page.more();
        } while (after.isPresent());
        return ids;
    }

    @Test
    void pagingReturnsTheLongPageAcrossStatementsSharingAStoredTime() throws Exception {
        String since = T1.toString();
        String until = T2.toString();
        List<Map.Entry<List<String>, Map<String, String>>> expected = List.of(
                Map.entry(List.of("s10", "s9", "s8", "s6", "s5", "s4", "s3", "s2", "s1"), Map.of()),
                Map.entry(List.of("s9", "s5", "s3", "s1"), Map.of("agent", "{\"mbox\":\"mailto:ann@x\"}")),
                Map.entry(List.of("s9", "s6", "s3"), Map.of("verb", "http://completed")),
                Map.entry(List.of("s9", "s5", "s3", "s1"), Map.of("activity", "http://a1")),
                Map.entry(List.of("s10", "s9", "s8", "s6", "s5", "s4", "s3", "s2", "s1"), Map.of("activity", "http://a1", "related_activities", "true")),
                Map.entry(List.of("s10", "s9", "s8", "s6", "s5"), Map.of("activity", "http://a1", "related_activities", "true", "since", since)),
                Map.entry(List.of("s6", "s3"), Map.of("activity", "http://a1", "related_activities", "true", "verb", "http://completed", "until", until)),
                Map.entry(List.of("s8", "s6", "s4", "s2"), Map.of("agent", "{\"mbox\":\"mailto:bob@x\"}", "activity", "http://a1",
                        "related_activities", "true", "until", until)));
        for (Map.Entry<List<String>, Map<String, String>> e : expected) {
            List<String> whole = page(e.getValue(), 250, Optional.empty()).ids();
            assertEquals(e.getKey(), whole, "one page of " + e.getValue());
            for (int limit = 1; limit <= 3; limit++) {
                assertEquals(whole, allPages(e.getValue(), limit), "pages of " + limit + " of " + e.getValue());
                Map<String, String> ascending = new HashMap<>(e.getValue());
                ascending.put("ascending", "true");
                List<String> reversed = new ArrayList<>(whole);
                Collections.reverse(reversed);
                assertEquals(reversed, allPages(ascending, limit), "ascending pages of " + limit + " of " + e.getValue());
            }
        }
    }
}
