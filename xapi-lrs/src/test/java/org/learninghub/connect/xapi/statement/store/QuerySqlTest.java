package org.learninghub.connect.xapi.statement.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

class QuerySqlTest {

    static StatementQuery query(Map<String, String> p) {
        return StatementQuery.parse(p, Optional.empty());
    }

    @Test
    void theAgentLinkDrivesAndOrdersTheQuery() {
        QuerySql q = QuerySql.of(7, query(Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}", "verb", "http://v",
                "since", "2024-01-01T00:00:00Z")), Optional.empty());
        assertTrue(q.sql().contains("FROM xapi_statement_agent d JOIN xapi_statement s"), q.sql());
        assertTrue(q.sql().endsWith("ORDER BY d.seq DESC LIMIT ?"), q.sql());
        assertTrue(q.sql().contains("xapi_statement_verb v"), "verb becomes a probe");
        assertEquals(7L, q.args().get(0), "the tenant is always the first argument");
        assertEquals("mbox:mailto:a@b.c", q.args().get(1));
    }

    @Test
    void withoutLinkFiltersTheStatementOrderIndexDrives() {
        QuerySql q = QuerySql.of(7, query(Map.of("ascending", "true", "limit", "10")), Optional.empty());
        assertTrue(q.sql().contains("FROM xapi_statement s WHERE s.tenant_id = ?"), q.sql());
        assertTrue(q.sql().endsWith("ORDER BY s.seq ASC LIMIT ?"));
        assertEquals(11, q.args().get(q.args().size() - 1), "one extra row tells whether there is a next page");
    }

    @Test
    void relatedAgentsDropsTheDirectCondition() {
        String direct = QuerySql.of(1, query(Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}")), Optional.empty()).sql();
        String related = QuerySql.of(1, query(Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}", "related_agents", "true")),
                Optional.empty()).sql();
        assertTrue(direct.contains("d.relation = 'D'"));
        assertTrue(!related.contains("d.relation = 'D'"));
    }

    static final List<Map<String, String>> SHAPES = List.of(
            Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}"),
            Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}", "verb", "http://v", "related_agents", "true"),
            Map.of("agent", "{\"mbox\":\"mailto:a@b.c\"}", "activity", "http://a", "verb", "http://v",
                    "registration", "6f0c2a44-8a4b-4d55-9d61-3a3c1b3e0d01", "since", "2024-01-01T00:00:00Z",
                    "until", "2025-01-01T00:00:00Z", "ascending", "true"),
            Map.of("activity", "http://a", "since", "2024-01-01T00:00:00Z"),
            Map.of("activity", "http://a", "related_activities", "true", "verb", "http://v"),
            Map.of("verb", "http://v", "until", "2025-01-01T00:00:00Z"),
            Map.of("registration", "6f0c2a44-8a4b-4d55-9d61-3a3c1b3e0d01", "since", "2024-01-01T00:00:00Z"),
            Map.of());

    @Test
    void everyShapeBindsOneArgumentPerPlaceholderInBothDialects() {
        for (Map<String, String> shape : SHAPES) {
            for (QuerySql.Dialect dialect : QuerySql.Dialect.values()) {
                for (Optional<Long> after : List.of(Optional.<Long>empty(), Optional.of(42L))) {
                    QuerySql q = QuerySql.of(7, StatementQuery.parse(shape, after), Optional.of("mbox:mailto:me@b.c"), dialect);
                    assertEquals(q.sql().chars().filter(c -> c == '?').count(), q.args().size(), dialect + " " + shape + " " + q.sql());
                    assertTrue(q.args().contains(7L), "the tenant is bound: " + q.sql());
                    assertTrue(q.sql().contains("voided = FALSE"), "voided statements never match");
                }
            }
        }
    }

    @Test
    void onPostgresqlTheStatementIsProbedBehindTheOrderedLinkScan() {
        QuerySql q = QuerySql.of(7, query(Map.of("activity", "http://a", "since", "2024-01-01T00:00:00Z")), Optional.empty(),
                QuerySql.Dialect.POSTGRESQL);
        assertTrue(q.sql().startsWith("SELECT s.seq, s.statement_json, s.stored, s.voided, s.has_attachments "
                + "FROM xapi_statement_activity d CROSS JOIN LATERAL (SELECT "), q.sql());
        assertTrue(q.sql().contains("s.tenant_id = d.tenant_id AND s.seq = d.seq AND s.voided = FALSE AND s.stored > ? LIMIT 1) s "
                + "WHERE d.tenant_id = ? AND d.iri = ? AND d.relation = 'D' AND d.seq >= COALESCE("), q.sql());
        assertTrue(q.sql().endsWith("ORDER BY d.seq DESC LIMIT ?"), q.sql());
        assertEquals(OffsetDateTime.parse("2024-01-01T00:00:00Z"), q.args().get(0), "the probe's arguments come first");
        assertEquals(7L, q.args().get(1));
        assertEquals("http://a", q.args().get(2));
    }

    @Test
    void withoutALinkFilterBothDialectsReadTheStatementTable() {
        for (QuerySql.Dialect dialect : QuerySql.Dialect.values()) {
            QuerySql q = QuerySql.of(7, query(Map.of("registration", "6f0c2a44-8a4b-4d55-9d61-3a3c1b3e0d01")), Optional.empty(), dialect);
            assertTrue(q.sql().contains("FROM xapi_statement s WHERE s.tenant_id = ?"), q.sql());
            assertTrue(!q.sql().contains("LATERAL"), q.sql());
        }
    }

    @Test
    void aMorePageContinuesOnTheDrivingOrderKey() {
        for (QuerySql.Dialect dialect : QuerySql.Dialect.values()) {
            QuerySql down = QuerySql.of(7, StatementQuery.parse(Map.of("verb", "http://v"), Optional.of(42L)), Optional.empty(), dialect);
            assertTrue(down.sql().contains("d.seq < ?"), down.sql());
            assertTrue(down.sql().endsWith("ORDER BY d.seq DESC LIMIT ?"), down.sql());
            assertEquals(42L, down.args().get(down.args().size() - 2));
            QuerySql up = QuerySql.of(7, StatementQuery.parse(Map.of("ascending", "true"), Optional.of(42L)), Optional.empty(), dialect);
            assertTrue(up.sql().contains("s.seq > ?"), up.sql());
            assertTrue(up.sql().endsWith("ORDER BY s.seq ASC LIMIT ?"), up.sql());
        }
    }
}
