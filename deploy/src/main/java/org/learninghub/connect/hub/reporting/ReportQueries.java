package org.learninghub.connect.hub.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reports' SQL over the roll-up tables, each read through a forward-only cursor (a fetch size inside a read-only
 * transaction, which PostgreSQL needs to stream) and handed row by row to a {@link RowWriter}.
 */
@ApplicationScoped
public class ReportQueries {

    private static final int FETCH_ROWS = 500;

    static final List<Column> ACTIVITY = columns(List.of(Column.text("periodStart")));
    static final List<Column> TRUSTS = columns(List.of(Column.text("trust"), Column.text("name")));
    static final List<Column> RESOURCES = columns(List.of(Column.text("resource"), Column.text("title")));
    static final List<Column> COMPLIANCE = List.of(Column.text("resource"), Column.text("title"),
            Column.number("enrolled"), Column.number("completed"), Column.number("notCompleted"),
            Column.number("completedByDue"), Column.number("overdue"), Column.text("enrolledSource"));

    /** enrolledSource: a roster fetched from the LMS lists the resource's learners, or only launches do. */
    static final String FROM_ROSTER = "nrps";
    static final String FROM_LAUNCHES = "launches";
    /** The trust's resources (the one parameter) that a fetched roster covers, once each. */
    private static final String ROSTERED = "SELECT DISTINCT rr.resource_id FROM roster_resource rr"
            + " JOIN roster_context rc ON rc.id = rr.roster_id WHERE rr.tenant_id = ? AND rc.fetched IS NOT NULL";

    @Inject
    DataSource dataSource;

    private volatile Boolean postgres;

    boolean resourceExists(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM catalogue_resource WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalogue failed: " + e.getMessage(), e);
        }
    }

    /**
     * One row per period of the range, quiet periods included (zeros), in order. Without a resource, the periods
     * compacted ({@link PeriodCompaction}) come from their summaries and only the others are counted from the
     * roll-ups, restricted to their days, so the cost no longer grows with the range (reporting.md, "Compaction").
     */
    void activity(Scope scope, Period period, RowWriter out) throws IOException {
        Map<LocalDate, Metrics> compacted = scope.resource().isEmpty() && postgres()
                ? CompactedSeries.read(this, scope, period) : Map.of();
        List<LocalDate> starts = new ArrayList<>();
        LocalDate last = scope.range().to();
        for (LocalDate p = period.start(scope.range().from()); !p.isAfter(last); p = p.plusDays(period.days)) {
            starts.add(p);
        }
        Map<LocalDate, Metrics> counted = new HashMap<>();
        List<DateRange> live = CompactedSeries.liveDays(scope.range(), period, starts, compacted.keySet());
        if (!live.isEmpty()) {
            Scope s = compacted.isEmpty() ? scope : scope.onlyDays(live);
            query(s.metrics(period.column), s.metricsArgs(),
                    rs -> counted.put(rs.getObject(1, LocalDate.class), Metrics.read(rs, 2)));
        }
        for (LocalDate p : starts) {
            Metrics m = compacted.get(p);
            out.row(prepend(p, m != null ? m : counted.getOrDefault(p, Metrics.NONE)));
        }
    }

    /** Whether the database is PostgreSQL, where closed periods are compacted (H2 reports stay live). */
    private boolean postgres() throws IOException {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = Dialect.of(c) == Dialect.POSTGRESQL;
            } catch (SQLException e) {
                throw new IOException("report query failed: " + e.getMessage(), e);
            }
            postgres = known;
        }
        return known;
    }

    /** Every trust (or the one asked for), with zeros where nothing happened, by code. */
    void trusts(Scope scope, RowWriter out) throws IOException {
        Scope all = new Scope(scope.range(), Optional.empty(), scope.resource());
        List<Object> args = new ArrayList<>(all.metricsArgs());
        scope.tenant().ifPresent(args::add);
        query("SELECT t.code, t.name, x.launches, x.completions, x.passes, x.fails, x.learners, x.median"
                + " FROM trust t LEFT JOIN (" + all.metrics("tenant_id") + ") x ON x.g = t.id"
                + scope.tenant().map(t -> " WHERE t.id = ?").orElse("") + " ORDER BY t.code", args,
                rs -> out.row(prepend(rs.getString(1), rs.getString(2), Metrics.read(rs, 3))));
    }

    /**
     * The resources with activity in range, most launched first (then most completed, then by id). The counters pick
     * the top rows first; distinct learners and medians are then computed for those resources only.
     */
    void resources(Scope scope, int limit, RowWriter out) throws IOException {
        String w = scope.where();
        String top = " AND resource_id IN (SELECT g FROM d)";
        List<Object> args = new ArrayList<>(scope.args());
        args.addAll(scope.args());
        args.addAll(scope.args());
        query("WITH d AS (SELECT resource_id AS g, SUM(launches) AS launches, SUM(completions) AS completions,"
                + " SUM(passes) AS passes, SUM(fails) AS fails FROM report_daily" + w + " GROUP BY resource_id"
                // A checked int (1 to 1000) written into the SQL: H2 cannot bind a LIMIT inside a WITH.
                + " ORDER BY launches DESC, completions DESC, resource_id LIMIT " + Math.max(1, limit) + ")"
                + " SELECT d.g, r.title, d.launches, d.completions, d.passes, d.fails, l.learners, m.median FROM d"
                + " LEFT JOIN (SELECT resource_id AS g, COUNT(DISTINCT learner) AS learners FROM report_learner_day"
                + w + top + " GROUP BY resource_id) l ON l.g = d.g"
                + " LEFT JOIN (SELECT resource_id AS g, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_seconds)"
                + " AS median FROM report_outcome" + w + " AND kind = 'C' AND counted AND duration_seconds IS NOT NULL"
                + top + " GROUP BY resource_id) m ON m.g = d.g"
                + " LEFT JOIN catalogue_resource r ON r.id = d.g"
                + " ORDER BY d.launches DESC, d.completions DESC, d.g", args,
                rs -> out.row(prepend(rs.getObject(1, UUID.class).toString(), rs.getString(2), Metrics.read(rs, 3))));
    }

    /**
     * Per resource of the trust with enrolled learners (or the one asked for): enrolled, completed (ever), not
     * completed, completed by the end of {@code dueBy} (UTC) and, once that moment has passed, overdue (enrolled
     * but not completed by then), and where the enrolled learners come from ({@code nrps} once a roster fetched
     * from the LMS covers the resource: its learners and those who launched; else {@code launches}).
     */
    void compliance(long tenant, Optional<UUID> resource, LocalDate dueBy, Instant now, RowWriter out)
            throws IOException {
        Instant due = dueBy.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean passed = !now.isBefore(due);
        List<Object> args = new ArrayList<>(List.of(due.atOffset(ZoneOffset.UTC), tenant));
        resource.ifPresent(args::add);
        args.add(tenant);
        boolean[] any = {false};
        // Enrolled learners are one row each whatever put them there (a launch, a completion, a roster), so the
        // union of roster members and launched learners is a plain count. Grouping by the resource alone lets the
        // (tenant, resource, completed) index answer it without reading the table (reporting.md, "Figures").
        query("SELECT x.resource_id, r.title, x.enrolled, x.completed, x.by_due,"
                + " CASE WHEN s.resource_id IS NULL THEN 0 ELSE 1 END"
                + " FROM (SELECT resource_id, COUNT(*) AS enrolled, COUNT(completed) AS completed,"
                + " SUM(CASE WHEN completed IS NOT NULL AND completed < ? THEN 1 ELSE 0 END) AS by_due"
                + " FROM report_enrolment WHERE tenant_id = ?" + resource.map(r -> " AND resource_id = ?").orElse("")
                + " GROUP BY resource_id) x LEFT JOIN catalogue_resource r ON r.id = x.resource_id"
                + " LEFT JOIN (" + ROSTERED + ") s ON s.resource_id = x.resource_id"
                + " ORDER BY r.title, x.resource_id", args, rs -> {
                    any[0] = true;
                    long enrolled = rs.getLong(3);
                    long completed = rs.getLong(4);
                    long byDue = rs.getLong(5);
                    out.row(rs.getObject(1, UUID.class).toString(), rs.getString(2), enrolled, completed,
                            enrolled - completed, byDue, passed ? enrolled - byDue : 0L,
                            rs.getInt(6) == 1 ? FROM_ROSTER : FROM_LAUNCHES);
                });
        if (!any[0] && resource.isPresent()) {
            out.row(resource.get().toString(), title(resource.get()), 0L, 0L, 0L, 0L, 0L,
                    rostered(tenant, resource.get()) ? FROM_ROSTER : FROM_LAUNCHES);
        }
    }

    private boolean rostered(long tenant, UUID resource) throws IOException {
        boolean[] found = {false};
        query("SELECT 1 FROM (" + ROSTERED + ") s WHERE s.resource_id = ?", List.of(tenant, resource),
                rs -> found[0] = true);
        return found[0];
    }

    private String title(UUID resource) throws IOException {
        String[] title = {null};
        query("SELECT title FROM catalogue_resource WHERE id = ?", List.of(resource), rs -> title[0] = rs.getString(1));
        return title[0];
    }

    private static List<Column> columns(List<Column> keys) {
        List<Column> all = new ArrayList<>(keys);
        all.addAll(Metrics.COLUMNS);
        return List.copyOf(all);
    }

    private static Object[] prepend(Object first, Metrics m) {
        return prepend(first, null, m, 1);
    }

    private static Object[] prepend(Object first, Object second, Metrics m) {
        return prepend(first, second, m, 2);
    }

    private static Object[] prepend(Object first, Object second, Metrics m, int keys) {
        Object[] cells = m.cells();
        Object[] row = new Object[keys + cells.length];
        row[0] = first;
        if (keys == 2) {
            row[1] = second;
        }
        System.arraycopy(cells, 0, row, keys, cells.length);
        return row;
    }

    @FunctionalInterface
    interface RowVisitor {
        void visit(ResultSet rs) throws SQLException, IOException;
    }

    /** Runs a query through a forward-only cursor, handing each row to the visitor as it arrives. */
    void query(String sql, List<Object> args, RowVisitor visitor) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_ROWS);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        visitor.visit(rs);
                    }
                }
            } finally {
                c.rollback();
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IOException("report query failed: " + e.getMessage(), e);
        }
    }
}
