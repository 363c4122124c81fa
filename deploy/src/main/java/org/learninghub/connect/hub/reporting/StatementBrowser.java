package org.learninghub.connect.hub.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.hub.api.HubObjectMapper;

/**
 * Reads stored statements for the admin statement browser, newest first (stored order, {@code seq}), in pages that
 * continue after the last statement of the previous one, or all of them through a database cursor for CSV.
 */
@ApplicationScoped
public class StatementBrowser {

    /** Distinct object IRIs whose resource is remembered during one listing; beyond, the oldest are forgotten. */
    private static final int RESOURCE_CACHE = 1000;

    private static final String SELECT = "SELECT s.seq, s.id, s.stored, s.registration, t.code, ls.resource_id,"
            + " s.statement_json FROM xapi_statement s JOIN trust t ON t.id = s.tenant_id"
            + " LEFT JOIN launch_session ls ON ls.registration = s.registration AND ls.tenant_id = s.tenant_id";

    @Inject
    ReportQueries queries;

    @Inject
    DataSource dataSource;

    /** The resource statements about this IRI count for (the oldest resource having it), as in the roll-ups. */
    Optional<UUID> resourceOf(String iri) {
        try (Connection c = dataSource.getConnection()) {
            return RollupListener.resource(c, iri);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalogue failed: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} statements, and whether more follow. Across trusts, each trust's newest matches are read
     * through its own stored-order index and merged: every index leads with the trust, so one walk of all trusts in
     * stored order would read and sort every statement of the Hub for each page.
     */
    Page page(StatementFilter filter, int limit) throws IOException {
        List<BrowsedStatement> rows = new ArrayList<>();
        // A checked int (1 to 501) written into the SQL: H2 cannot bind a FETCH FIRST inside a UNION branch.
        String first = " ORDER BY s.seq DESC FETCH FIRST " + (limit + 1) + " ROWS ONLY";
        if (filter.tenant().isPresent()) {
            read(SELECT + filter.where() + first, filter.args(), rows::add);
        } else {
            List<Long> tenants = tenants();
            if (tenants.isEmpty()) {
                return new Page(List.of(), false);
            }
            StringBuilder sql = new StringBuilder("SELECT * FROM (");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < tenants.size(); i++) {
                StatementFilter one = filter.in(tenants.get(i));
                sql.append(i == 0 ? "" : " UNION ALL ").append("(").append(SELECT).append(one.where()).append(first)
                        .append(")");
                args.addAll(one.args());
            }
            sql.append(") x ORDER BY 1 DESC FETCH FIRST ").append(limit + 1).append(" ROWS ONLY");
            read(sql.toString(), args, rows::add);
        }
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    private List<Long> tenants() throws IOException {
        List<Long> ids = new ArrayList<>();
        queries.query("SELECT id FROM trust ORDER BY id", List.of(), rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** Every matching statement, one at a time, to the writer. */
    void all(StatementFilter filter, RowWriter out) throws IOException {
        try {
            read(SELECT + filter.where() + " ORDER BY s.seq DESC", filter.args(), s -> {
                try {
                    out.row(s.cells());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void read(String sql, List<Object> args, java.util.function.Consumer<BrowsedStatement> sink)
            throws IOException {
        Map<String, Optional<UUID>> resources = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<UUID>> eldest) {
                return size() > RESOURCE_CACHE;
            }
        };
        queries.query(sql, args, rs -> {
            JsonNode statement = HubObjectMapper.MAPPER.readTree(rs.getString(7));
            UUID resource = rs.getObject(6, UUID.class);
            if (resource == null) {
                resource = StatementFacts.activity(statement).filter(iri -> iri.length() <= 2048)
                        .flatMap(iri -> resources.computeIfAbsent(iri, this::resourceOf)).orElse(null);
            }
            sink.accept(BrowsedStatement.of(rs.getLong(1), rs.getObject(2, UUID.class),
                    rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, UUID.class), rs.getString(5),
                    resource, statement));
        });
    }

    /** One page of the browser. */
    record Page(List<BrowsedStatement> statements, boolean more) {
    }
}
