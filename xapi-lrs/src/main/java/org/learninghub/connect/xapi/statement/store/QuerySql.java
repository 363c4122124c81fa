package org.learninghub.connect.xapi.statement.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * The SQL of one statement query page. The most selective filter present (agent, then activity, then
 * verb) drives the query: its link index {@code (tenant_id, key, seq DESC, relation)} is read in stored
 * order and joined to the statement by seq, so the database stops after {@code limit} matches instead of
 * sorting every match. Other filters are EXISTS probes by {@code (tenant_id, seq)}. since/until also bound
 * seq through the stored index (one probe of {@code (tenant_id, stored, seq)}), so a recent-only query
 * never walks an agent's whole history. A {@code more} page continues after the last seq of the previous
 * page ({@code after}): the same index range, entered further on, so it costs what the first page costs.
 *
 * <p>On PostgreSQL the statement row is joined through a {@code LATERAL ... LIMIT 1} probe. With a plain
 * join the planner multiplies the selectivities of the seq bound and of {@code stored > since}, which say
 * the same thing twice; it then expects fewer matches than the page holds and plans to fetch every
 * statement of the window (in parallel workers) and sort them: 17 times the buffers and 60 times the
 * time of the page in the case measured in src/docs/performance.md. The lateral probe cannot be hoisted above the ordered link scan, so at most
 * the page's statements (and the ones filters reject) are read, whatever the estimates. H2 has no
 * LATERAL; its planner follows the link index with the plain join.
 */
record QuerySql(String sql, List<Object> args) {

    /**
     * How far stored time and stored order (seq) may disagree: a request takes its stored time before
     * validation and its seqs at insert, and concurrent requests interleave. The seq bound of since/until
     * is looked up this much wider, and the exact stored condition still applies.
     */
    static final Duration ORDER_SKEW = Duration.ofSeconds(60);

    private static final String COLUMNS = "s.seq, s.statement_json, s.stored, s.voided, s.has_attachments";

    /** The SQL the database understands best: PostgreSQL takes the lateral probe, H2 the plain join. */
    enum Dialect { POSTGRESQL, PORTABLE }

    static QuerySql of(long tenant, StatementQuery query, Optional<String> mine) {
        return of(tenant, query, mine, Dialect.PORTABLE);
    }

    static QuerySql of(long tenant, StatementQuery query, Optional<String> mine, Dialect dialect) {
        Optional<Driver> driver = driver(query);
        // Conditions on the statement row, and conditions on the driving (link or statement) row with its order key.
        Part row = new Part();
        Part drive = new Part();
        String order = driver.isPresent() ? "d.seq" : "s.seq";
        driver.ifPresent(d -> {
            drive.sql.append("d.tenant_id = ? AND d.").append(d.column()).append(" = ?");
            drive.args.add(tenant);
            drive.args.add(d.key());
            if (d.directOnly()) {
                drive.sql.append(" AND d.relation = 'D'");
            }
        });
        if (driver.isEmpty()) {
            drive.sql.append("s.tenant_id = ?");
            drive.args.add(tenant);
        }
        row.sql.append("s.voided = FALSE");
        if (query.agent().isPresent() && query.activity().isPresent()) {
            row.sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_activity t WHERE t.tenant_id = s.tenant_id "
                    + "AND t.seq = s.seq AND t.iri = ?").append(query.relatedActivities() ? ")" : " AND t.relation = 'D')");
            row.args.add(query.activity().get());
        }
        if (query.verb().isPresent() && (query.agent().isPresent() || query.activity().isPresent())) {
            row.sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_verb v WHERE v.tenant_id = s.tenant_id "
                    + "AND v.seq = s.seq AND v.iri = ?)");
            row.args.add(query.verb().get());
        }
        mine.ifPresent(ifi -> {
            row.sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_agent m WHERE m.tenant_id = s.tenant_id "
                    + "AND m.seq = s.seq AND m.ifi = ?)");
            row.args.add(ifi);
        });
        query.registration().ifPresent(r -> {
            row.sql.append(" AND s.registration = ?");
            row.args.add(r);
        });
        query.since().ifPresent(t -> {
            row.sql.append(" AND s.stored > ?");
            row.args.add(t);
            drive.sql.append(" AND ").append(order).append(" >= COALESCE((SELECT b.seq FROM xapi_statement b "
                    + "WHERE b.tenant_id = ? AND b.stored > ? ORDER BY b.stored ASC LIMIT 1), 0)");
            drive.args.add(tenant);
            drive.args.add(t.minus(ORDER_SKEW));
        });
        query.until().ifPresent(t -> {
            row.sql.append(" AND s.stored <= ?");
            row.args.add(t);
            drive.sql.append(" AND ").append(order).append(" <= COALESCE((SELECT b.seq FROM xapi_statement b "
                    + "WHERE b.tenant_id = ? AND b.stored <= ? ORDER BY b.stored DESC LIMIT 1), 0)");
            drive.args.add(tenant);
            drive.args.add(t.plus(ORDER_SKEW));
        });
        query.after().ifPresent(seq -> {
            drive.sql.append(" AND ").append(order).append(query.ascending() ? " > ?" : " < ?");
            drive.args.add(seq);
        });

        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ");
        List<Object> args = new ArrayList<>();
        if (driver.isEmpty()) {
            sql.append("xapi_statement s WHERE ").append(drive.sql).append(" AND ").append(row.sql);
            args.addAll(drive.args);
            args.addAll(row.args);
        } else if (dialect == Dialect.POSTGRESQL) {
            sql.append(driver.get().table()).append(" d CROSS JOIN LATERAL (SELECT ").append(COLUMNS)
                    .append(" FROM xapi_statement s WHERE s.tenant_id = d.tenant_id AND s.seq = d.seq AND ")
                    .append(row.sql).append(" LIMIT 1) s WHERE ").append(drive.sql);
            args.addAll(row.args);
            args.addAll(drive.args);
        } else {
            sql.append(driver.get().table()).append(" d JOIN xapi_statement s ON s.tenant_id = d.tenant_id AND s.seq = d.seq")
                    .append(" WHERE ").append(drive.sql).append(" AND ").append(row.sql);
            args.addAll(drive.args);
            args.addAll(row.args);
        }
        sql.append(" ORDER BY ").append(order).append(query.ascending() ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(query.limit() + 1);
        return new QuerySql(sql.toString(), args);
    }

    /** The link table whose index drives the query, and the key looked up in it. */
    private record Driver(String table, String column, String key, boolean directOnly) {
    }

    private static Optional<Driver> driver(StatementQuery query) {
        if (query.agent().isPresent()) {
            return Optional.of(new Driver("xapi_statement_agent", "ifi", query.agent().get(), !query.relatedAgents()));
        }
        if (query.activity().isPresent()) {
            return Optional.of(new Driver("xapi_statement_activity", "iri", query.activity().get(), !query.relatedActivities()));
        }
        return query.verb().map(v -> new Driver("xapi_statement_verb", "iri", v, false));
    }

    /** A conjunction of conditions and its arguments, in the order they appear. */
    private static final class Part {
        final StringBuilder sql = new StringBuilder();
        final List<Object> args = new ArrayList<>();
    }
}
