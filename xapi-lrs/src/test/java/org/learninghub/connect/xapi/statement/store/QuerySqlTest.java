package org.learninghub.connect.xapi.statement.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
