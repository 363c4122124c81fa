package org.learninghub.connect.hub.reporting.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roster tables with the real migrations on the embedded database (H2 in PostgreSQL mode, as the Hub runs it):
 * claiming, replacing a roster and what that does to the compliance roll-up's enrolments. PostgreSQL runs the same
 * through RosterComplianceIT.
 */
class RosterStoreH2Test {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private final UUID r1 = UUID.randomUUID();
    private final UUID r2 = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private JdbcDataSource db;
    private RosterStore store;
    private RosterClaims claims;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE trust (id BIGINT PRIMARY KEY, code VARCHAR(32), name VARCHAR(200))");
            s.execute("CREATE TABLE platform_registration (id BIGINT PRIMARY KEY, issuer VARCHAR(500))");
            s.execute("INSERT INTO trust VALUES (7, 'RX1', 'Trust')");
            s.execute("INSERT INTO platform_registration VALUES (50, 'https://lms.example')");
            for (String migration : List.of("V94__reporting_rollups.sql", "V102__roster_import.sql")) {
                for (String sql : Files.readString(Path.of("src/main/resources/db/migration/hub/" + migration))
                        .replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            s.execute("INSERT INTO roster_context (id, tenant_id, platform_id, deployment_id, context_id,"
                    + " memberships_url, last_launch, next_fetch, attempts, members) VALUES (1, 7, 50, 'd1', 'c1',"
                    + " 'https://lms.example/nrps', TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00', 0, 0)");
            s.execute("INSERT INTO roster_resource VALUES (1, 7, '" + r1 + "', FALSE)");
        }
        store = new RosterStore();
        store.dataSource = db;
        claims = new RosterClaims();
        claims.dataSource = db;
    }

    @Test
    void aClaimLeasesTheCourseAndOnlyTheClaimsHolderWritesItsRoster() throws Exception {
        ClaimedRoster claimed = claims.claim(now, LEASE).orElseThrow();
        assertEquals("https://lms.example", claimed.issuer());
        assertEquals(1, claimed.attempts());
        assertEquals(Optional.empty(), claims.claim(now, LEASE), "leased: not due again before the lease ends");
        ClaimedRoster again = claims.claim(now.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertFalse(store.replace(claimed, keys("a"), now, now.plusSeconds(60)), "the first claim was lost");
        assertEquals(0, enrolled(r1).size());
        assertTrue(store.replace(again, keys("a"), now, now.plusSeconds(60)));
        assertEquals(List.of("a"), enrolled(r1));
        assertEquals(0, count("SELECT attempts FROM roster_context"));
    }

    @Test
    void leaversAreUnenrolledUnlessTheyLaunchedCompletedOrAnotherCourseListsThem() throws Exception {
        assertTrue(store.replace(claims.claim(now, LEASE).orElseThrow(), keys("a", "b", "c", "d", "e"), now, now));
        assertEquals(List.of("a", "b", "c", "d", "e"), enrolled(r1));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // b launched r1, c completed it (through a trust credential, no launch), d is in another course of r1.
            s.execute("INSERT INTO report_outcome VALUES (7, '" + UUID.randomUUID() + "', 'L', '" + UUID.randomUUID()
                    + "', '" + r1 + "', 'b', TIMESTAMP WITH TIME ZONE '2026-03-02 08:30:00+00', DATE '2026-03-02',"
                    + " DATE '2026-03-02', NULL, TRUE, FALSE)");
            s.execute("UPDATE report_enrolment SET completed = TIMESTAMP WITH TIME ZONE '2026-03-02 08:40:00+00'"
                    + " WHERE learner = 'c'");
            s.execute("INSERT INTO roster_context (id, tenant_id, platform_id, deployment_id, context_id,"
                    + " memberships_url, last_launch, next_fetch, attempts, members) VALUES (2, 7, 50, 'd1', 'c2',"
                    + " 'https://lms.example/nrps2', TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2099-01-01 00:00:00+00', 0, 0)");
            s.execute("INSERT INTO roster_resource VALUES (2, 7, '" + r1 + "', TRUE)");
            s.execute("INSERT INTO roster_member VALUES (2, 7, 'd')");
        }

        assertTrue(store.replace(claims.claim(now, LEASE).orElseThrow(), keys("f"), now, now.plusSeconds(60)));

        assertEquals(List.of("b", "c", "d", "f"), enrolled(r1), "a and e rested on this roster alone");
        assertEquals(List.of("f"), members(1));
        assertEquals(1, count("SELECT members FROM roster_context WHERE id = 1"));
    }

    @Test
    void aResourceLaunchedAfterTheFetchGetsTheRosterWithoutFetchingAgain() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO roster_resource VALUES (1, 7, '" + r2 + "', FALSE)");
        }
        assertEquals(0, store.enrolNewLinks(now, 10), "a course not fetched yet is enrolled by its fetch");
        assertTrue(store.replace(claims.claim(now, LEASE).orElseThrow(), keys("a", "b"), now, now.plusSeconds(60)));
        assertEquals(List.of("a", "b"), enrolled(r2));

        UUID r3 = UUID.randomUUID();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO roster_resource VALUES (1, 7, '" + r3 + "', FALSE)");
        }
        assertEquals(1, store.enrolNewLinks(now, 10));
        assertEquals(List.of("a", "b"), enrolled(r3));
        assertEquals(0, store.enrolNewLinks(now, 10));
    }

    @Test
    void aFailureKeepsTheRosterAndIsDueAtItsBackoff() throws Exception {
        assertTrue(store.replace(claims.claim(now, LEASE).orElseThrow(), keys("a"), now, now));
        ClaimedRoster claimed = claims.claim(now, LEASE).orElseThrow();
        claims.failed(claimed, "PlatformUnavailableException: 503\n", now.plusSeconds(30));

        assertEquals(Optional.empty(), claims.claim(now.plusSeconds(29), LEASE));
        assertEquals(2, claims.claim(now.plusSeconds(30), LEASE).orElseThrow().attempts(), "a failed fetch counts");
        assertEquals(List.of("a"), enrolled(r1));
        assertEquals(RosterSettings.backoff(1000, Duration.ofHours(24), 3), Duration.ofSeconds(4));
        assertEquals(RosterSettings.backoff(1000, Duration.ofSeconds(5), 30), Duration.ofSeconds(5));
    }

    private static TreeSet<String> keys(String... learners) {
        return new TreeSet<>(List.of(learners));
    }

    private List<String> enrolled(UUID resource) throws Exception {
        return strings("SELECT learner FROM report_enrolment WHERE resource_id = '" + resource + "' ORDER BY learner");
    }

    private List<String> members(long roster) throws Exception {
        return strings("SELECT learner FROM roster_member WHERE roster_id = " + roster + " ORDER BY learner");
    }

    private List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1).strip());
            }
        }
        return values;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
