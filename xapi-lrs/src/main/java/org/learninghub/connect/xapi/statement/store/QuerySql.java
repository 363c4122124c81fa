package org.learninghub.connect.xapi.statement.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * The SQL of one statement query page. The most selective filter present (agent, then activity, then
 * verb) drives the query: its link index {@code (tenant_id, key, seq DESC)} is read in stored order and
 * joined to the statement by seq, so the database stops after {@code limit} matches instead of sorting
 * every match. Other filters are EXISTS probes by {@code (tenant_id, seq)}. since/until also bound seq
 * through the stored index (one probe of {@code (tenant_id, stored, seq)}), so a recent-only query
 * never walks an agent's whole history.
 */
record QuerySql(String sql, List<Object> args) {

    /**
     * How far stored time and stored order (seq) may disagree: a request takes its stored time before
     * validation and its seqs at insert, and concurrent requests interleave. The seq bound of since/until
     * is looked up this much wider, and the exact stored condition still applies.
     */
    static final Duration ORDER_SKEW = Duration.ofSeconds(60);

    private static final String COLUMNS = "s.seq, s.statement_json, s.stored, s.voided, s.has_attachments";

    static QuerySql of(long tenant, StatementQuery query, Optional<String> mine) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ");
        String order;
        if (query.agent().isPresent()) {
            sql.append("xapi_statement_agent d JOIN xapi_statement s ON s.tenant_id = d.tenant_id AND s.seq = d.seq "
                    + "WHERE d.tenant_id = ? AND d.ifi = ?").append(query.relatedAgents() ? "" : " AND d.relation = 'D'");
            args.add(tenant);
            args.add(query.agent().get());
            order = "d.seq";
        } else if (query.activity().isPresent()) {
            sql.append("xapi_statement_activity d JOIN xapi_statement s ON s.tenant_id = d.tenant_id AND s.seq = d.seq "
                    + "WHERE d.tenant_id = ? AND d.iri = ?").append(query.relatedActivities() ? "" : " AND d.relation = 'D'");
            args.add(tenant);
            args.add(query.activity().get());
            order = "d.seq";
        } else if (query.verb().isPresent()) {
            sql.append("xapi_statement_verb d JOIN xapi_statement s ON s.tenant_id = d.tenant_id AND s.seq = d.seq "
                    + "WHERE d.tenant_id = ? AND d.iri = ?");
            args.add(tenant);
            args.add(query.verb().get());
            order = "d.seq";
        } else {
            sql.append("xapi_statement s WHERE s.tenant_id = ?");
            args.add(tenant);
            order = "s.seq";
        }
        sql.append(" AND s.voided = FALSE");
        if (query.agent().isPresent() && query.activity().isPresent()) {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_activity t WHERE t.tenant_id = s.tenant_id "
                    + "AND t.seq = s.seq AND t.iri = ?").append(query.relatedActivities() ? ")" : " AND t.relation = 'D')");
            args.add(query.activity().get());
        }
        if (query.verb().isPresent() && (query.agent().isPresent() || query.activity().isPresent())) {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_verb v WHERE v.tenant_id = s.tenant_id "
                    + "AND v.seq = s.seq AND v.iri = ?)");
            args.add(query.verb().get());
        }
        mine.ifPresent(ifi -> {
            sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_agent m WHERE m.tenant_id = s.tenant_id "
                    + "AND m.seq = s.seq AND m.ifi = ?)");
            args.add(ifi);
        });
        query.registration().ifPresent(r -> {
            sql.append(" AND s.registration = ?");
            args.add(r);
        });
        query.since().ifPresent(t -> {
            sql.append(" AND s.stored > ? AND ").append(order).append(" >= COALESCE((SELECT b.seq FROM xapi_statement b "
                    + "WHERE b.tenant_id = ? AND b.stored > ? ORDER BY b.stored ASC LIMIT 1), 0)");
            args.add(t);
            args.add(tenant);
            args.add(t.minus(ORDER_SKEW));
        });
        query.until().ifPresent(t -> {
            sql.append(" AND s.stored <= ? AND ").append(order).append(" <= COALESCE((SELECT b.seq FROM xapi_statement b "
                    + "WHERE b.tenant_id = ? AND b.stored <= ? ORDER BY b.stored DESC LIMIT 1), 0)");
            args.add(t);
            args.add(tenant);
            args.add(t.plus(ORDER_SKEW));
        });
        query.after().ifPresent(seq -> {
            sql.append(" AND ").append(order).append(query.ascending() ? " > ?" : " < ?");
            args.add(seq);
        });
        sql.append(" ORDER BY ").append(order).append(query.ascending() ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(query.limit() + 1);
        return new QuerySql(sql.toString(), args);
    }
}
