package org.learninghub.connect.xapi.statement.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The link rows behind the agent, activity and verb filters. A statement that references another
 * (StatementRef, including voiding statements) also takes the referenced statement's links, because
 * filters match "statements that reference a matching statement" (1.0.3 Communication §2.1.3).
 */
final class LinkRows {

    private LinkRows() {
    }

    static void insert(Connection c, long tenant, List<NewStatement> fresh, long[] seqs) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement agents = c.prepareStatement(
                "INSERT INTO xapi_statement_agent (tenant_id, seq, ifi, relation) VALUES (?,?,?,?)");
             PreparedStatement activities = c.prepareStatement(
                     "INSERT INTO xapi_statement_activity (tenant_id, seq, iri, relation) VALUES (?,?,?,?)");
             PreparedStatement verbs = c.prepareStatement(
                     "INSERT INTO xapi_statement_verb (tenant_id, seq, iri) VALUES (?,?,?)")) {
            for (int i = 0; i < fresh.size(); i++) {
                NewStatement s = fresh.get(i);
                add(agents, tenant, seqs[i], s.agents());
                add(activities, tenant, seqs[i], s.activities());
                verbs.setLong(1, tenant);
                verbs.setLong(2, seqs[i]);
                verbs.setString(3, s.verb());
                verbs.addBatch();
            }
            agents.executeBatch();
            activities.executeBatch();
            verbs.executeBatch();
        }
        copyReferencedLinks(c, tenant, fresh, seqs);
    }

    private static void add(PreparedStatement ps, long tenant, long seq, List<Link> links) throws SQLException {
        for (Link l : links) {
            ps.setLong(1, tenant);
            ps.setLong(2, seq);
            ps.setString(3, l.key());
            ps.setString(4, String.valueOf(l.relation()));
            ps.addBatch();
        }
    }

    private static void copyReferencedLinks(Connection c, long tenant, List<NewStatement> fresh, long[] seqs)
            throws SQLException {
        String target = "(SELECT t.seq FROM xapi_statement t WHERE t.tenant_id = ? AND t.id = ?)";
        try (PreparedStatement agents = c.prepareStatement("INSERT INTO xapi_statement_agent (tenant_id, seq, ifi, relation) "
                + "SELECT tenant_id, ?, ifi, relation FROM xapi_statement_agent r WHERE tenant_id = ? AND seq = " + target
                + " AND NOT EXISTS (SELECT 1 FROM xapi_statement_agent x WHERE x.tenant_id = r.tenant_id AND x.seq = ? AND x.ifi = r.ifi)");
             PreparedStatement activities = c.prepareStatement("INSERT INTO xapi_statement_activity (tenant_id, seq, iri, relation) "
                     + "SELECT tenant_id, ?, iri, relation FROM xapi_statement_activity r WHERE tenant_id = ? AND seq = " + target
                     + " AND NOT EXISTS (SELECT 1 FROM xapi_statement_activity x WHERE x.tenant_id = r.tenant_id AND x.seq = ? AND x.iri = r.iri)");
             PreparedStatement verbs = c.prepareStatement("INSERT INTO xapi_statement_verb (tenant_id, seq, iri) "
                     + "SELECT tenant_id, ?, iri FROM xapi_statement_verb r WHERE tenant_id = ? AND seq = " + target
                     + " AND NOT EXISTS (SELECT 1 FROM xapi_statement_verb x WHERE x.tenant_id = r.tenant_id AND x.seq = ? AND x.iri = r.iri)")) {
            boolean any = false;
            for (int i = 0; i < fresh.size(); i++) {
                if (fresh.get(i).statementRef().isEmpty()) {
                    continue;
                }
                any = true;
                for (PreparedStatement ps : List.of(agents, activities, verbs)) {
                    ps.setLong(1, seqs[i]);
                    ps.setLong(2, tenant);
                    ps.setLong(3, tenant);
                    ps.setObject(4, fresh.get(i).statementRef().get());
                    ps.setLong(5, seqs[i]);
                    ps.addBatch();
                }
            }
            if (any) {
                agents.executeBatch();
                activities.executeBatch();
                verbs.executeBatch();
            }
        }
    }
}
