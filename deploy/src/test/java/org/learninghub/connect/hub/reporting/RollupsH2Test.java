package org.learninghub.connect.hub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roll-ups and the report SQL on the embedded database (H2 in PostgreSQL mode, as the Hub runs it), with the
 * real migration: counting once per attempt, voiding with a replacement, enrolments, concurrent writers, and every
 * report query. PostgreSQL runs the same through ReportingIT.
 */
class RollupsH2Test {

    private static final long TENANT = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private final UUID resource = UUID.randomUUID();
    private JdbcDataSource db;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trust (id BIGINT PRIMARY KEY, code VARCHAR(32), name VARCHAR(200))");
            s.execute("CREATE TABLE catalogue_resource (id UUID PRIMARY KEY, title VARCHAR(250))");
            s.execute("CREATE TABLE platform_registration (id BIGINT PRIMARY KEY, issuer VARCHAR(500))");
            s.execute("INSERT INTO trust VALUES (7, 'RX1', '=Trust'), (8, 'RX2', 'Quiet')");
            s.execute("INSERT INTO catalogue_resource VALUES ('" + resource + "', 'Fire safety')");
            for (String migration : List.of("V94__reporting_rollups.sql", "V102__roster_import.sql",
                    "V104__report_period_summary.sql")) {
                for (String sql : Files.readString(Path.of("src/main/resources/db/migration/hub/" + migration))
                        .replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
    }

    @Test
    void anAttemptCountsOnceAndVoidingItsCountedCompletionCountsTheNextOne() throws Exception {
        UUID attempt = UUID.randomUUID();
        Fact launch = fact(Kind.LAUNCH, UUID.randomUUID(), "a", "2026-03-02T09:00:00Z", null);
        Fact first = fact(Kind.COMPLETION, attempt, "a", "2026-03-02T10:00:00Z", 600L);
        Fact again = fact(Kind.COMPLETION, attempt, "a", "2026-03-03T10:00:00Z", 900L);
        write(List.of(launch, first), List.of());
        write(List.of(again), List.of());
        assertEquals(List.of(1L, 1L, 0L, 0L), daily(DAY));
        // The second completion is not counted; its learner was active that day, so the day has a (zero) row.
        assertEquals(List.of(0L, 0L, 0L, 0L), daily(DAY.plusDays(1)));
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), completed("a"));

        write(List.of(), List.of(first.statement()));
        assertEquals(List.of(1L, 0L, 0L, 0L), daily(DAY));
        assertEquals(List.of(0L, 1L, 0L, 0L), daily(DAY.plusDays(1)));
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), completed("a"));

        write(List.of(), List.of(again.statement(), launch.statement()));
        assertEquals(List.of(0L, 0L, 0L, 0L), daily(DAY));
        assertEquals(List.of(0L, 0L, 0L, 0L), daily(DAY.plusDays(1)));
        assertNull(completed("a"));
        // Voiding a voided statement again changes nothing.
        write(List.of(), List.of(again.statement()));
        assertEquals(List.of(0L, 0L, 0L, 0L), daily(DAY.plusDays(1)));
    }

    @Test
    void concurrentWritersOnOneDayLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            // Two threads per learner: the learner-day and enrolment rows of one learner are inserted concurrently.
            String learner = "l" + (t % 2);
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    write(List.of(fact(Kind.COMPLETION, UUID.randomUUID(), learner, "2026-03-02T12:00:00Z", 60L)),
                            List.of());
                }
                return null;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        for (Future<?> f : done) {
            f.get();
        }
        assertEquals(List.of(0L, 100L, 0L, 0L), daily(DAY));
        assertEquals(2, count("SELECT count(*) FROM report_learner_day"));
        assertEquals(2, count("SELECT count(*) FROM report_enrolment WHERE completed IS NOT NULL"));
    }

    @Test
    void everyReportQueryRunsOnTheEmbeddedDatabase() throws Exception {
        write(List.of(fact(Kind.LAUNCH, UUID.randomUUID(), "a", "2026-03-02T09:00:00Z", null),
                fact(Kind.COMPLETION, UUID.randomUUID(), "a", "2026-03-02T10:00:00Z", 100L),
                fact(Kind.PASS, UUID.randomUUID(), "a", "2026-03-02T10:00:00Z", null),
                fact(Kind.COMPLETION, UUID.randomUUID(), "b", "2026-03-04T10:00:00Z", 300L),
                fact(Kind.FAIL, UUID.randomUUID(), "b", "2026-03-04T10:00:00Z", null)), List.of());
        ReportQueries queries = new ReportQueries();
        queries.dataSource = db;
        DateRange range = new DateRange(DAY, DAY.plusDays(2));
        Scope scope = new Scope(range, Optional.of(TENANT), Optional.of(resource));

        JsonNode days = json(ReportQueries.ACTIVITY, out -> queries.activity(scope, Period.DAY, out));
        assertEquals(3, days.size());
        assertEquals(1, days.get(0).get("launches").asLong());
        assertEquals(1.0, days.get(0).get("passRate").asDouble());
        assertEquals(100.0, days.get(0).get("medianSecondsToComplete").asDouble());
        assertEquals(0, days.get(1).get("completions").asLong());
        assertEquals(0.0, days.get(2).get("passRate").asDouble());

        JsonNode weeks = json(ReportQueries.ACTIVITY, out -> queries.activity(scope, Period.WEEK, out));
        assertEquals(1, weeks.size());
        assertEquals(2, weeks.get(0).get("activeLearners").asLong());
        assertEquals(200.0, weeks.get(0).get("medianSecondsToComplete").asDouble());

        JsonNode trusts = json(ReportQueries.TRUSTS, out -> queries.trusts(
                new Scope(range, Optional.empty(), Optional.empty()), out));
        assertEquals(2, trusts.size());
        assertEquals("RX1", trusts.get(0).get("trust").asText());
        assertEquals(2, trusts.get(0).get("completions").asLong());
        assertEquals(0, trusts.get(1).get("launches").asLong());

        JsonNode top = json(ReportQueries.RESOURCES, out -> queries.resources(
                new Scope(range, Optional.of(TENANT), Optional.empty()), 10, out));
        assertEquals("Fire safety", top.get(0).get("title").asText());

        JsonNode compliance = json(ReportQueries.COMPLIANCE, out -> queries.compliance(TENANT, Optional.empty(),
                DAY, Instant.parse("2026-06-01T00:00:00Z"), out));
        assertEquals(2, compliance.get(0).get("enrolled").asLong());
        assertEquals(1, compliance.get(0).get("completedByDue").asLong());
        assertEquals(1, compliance.get(0).get("overdue").asLong());
        assertEquals("launches", compliance.get(0).get("enrolledSource").asText(), "no roster covers the resource");
    }

    @Test
    void erasureUnlinksTheLearnerButKeepsTheCounts() throws Exception {
        String ifi = "account:https://lms.example|learner-7";
        String learner = StatementFacts.sha256(ifi);
        write(List.of(new Fact(UUID.randomUUID(), Kind.COMPLETION, UUID.randomUUID(), resource, learner,
                Instant.parse("2026-03-02T10:00:00Z"), Optional.of(5L))), List.of());
        try (Connection c = db.getConnection()) {
            assertEquals(3, LearnerErasure.forget(c, TENANT, ifi));
        }
        assertEquals(0, count("SELECT count(*) FROM report_learner_day WHERE learner = '" + learner + "'"));
        assertEquals(1, count("SELECT count(*) FROM report_learner_day"));
        assertEquals(List.of(0L, 1L, 0L, 0L), daily(DAY));
    }

    private interface Rows {
        void write(RowWriter out) throws Exception;
    }

    private static JsonNode json(List<Column> columns, Rows rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter writer = RowWriter.of(ReportFormat.JSON, out, new LinkedHashMap<>(), "rows", columns);
        rows.write(writer);
        writer.close();
        return JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("rows");
    }

    private Fact fact(Kind kind, UUID attempt, String learner, String at, Long seconds) {
        UUID statement = kind == Kind.LAUNCH ? attempt : UUID.randomUUID();
        return new Fact(statement, kind, attempt, resource, learner, Instant.parse(at), Optional.ofNullable(seconds));
    }

    private void write(List<Fact> facts, List<UUID> voided) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Set<Activity> activity = new java.util.HashSet<>();
            facts.forEach(f -> activity.add(new Activity(f.resource(), f.day(), f.learner())));
            Rollups r = new Rollups(c, TENANT).record(facts, activity);
            if (!voided.isEmpty()) {
                r.voided(voided);
            }
            r.flush();
            c.commit();
        }
    }

    private List<Long> daily(LocalDate day) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT launches, completions, passes, fails FROM report_daily"
                     + " WHERE tenant_id = 7 AND on_day = DATE '" + day + "'")) {
            return rs.next() ? List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)) : List.of();
        }
    }

    private Instant completed(String learner) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT completed FROM report_enrolment WHERE learner = '" + learner + "'")) {
            assertTrue(rs.next(), "no enrolment of " + learner);
            java.sql.Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
