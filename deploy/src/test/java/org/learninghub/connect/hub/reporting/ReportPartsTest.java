package org.learninghub.connect.hub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;

/** The pure parts of the reports: parameters, verbs, statement facts, and the JSON and CSV writers. */
class ReportPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

    @Test
    void rangesDefaultToThirtyDaysToTodayAndAreBounded() {
        assertEquals(new DateRange(LocalDate.parse("2026-03-02"), TODAY), DateRange.of(null, null, 400, TODAY));
        assertEquals(new DateRange(TODAY, TODAY), DateRange.of("2026-03-31", "2026-03-31", 1, TODAY));
        assertEquals("to", refusal(() -> DateRange.of("2026-01-01", "2026-01-02", 1, TODAY)).field());
        assertEquals("from", refusal(() -> DateRange.of("2026-01-02", "2026-01-01", 9, TODAY)).field());
        assertEquals("from", refusal(() -> DateRange.of("2026-02-30", null, 9, TODAY)).field());
        assertEquals("to", refusal(() -> DateRange.of(null, "2026-3-1", 9, TODAY)).field());
        assertEquals("dueBy", refusal(() -> DateRange.date("dueBy", "2026-03-01T00:00:00Z", null)).field());
    }

    @Test
    void periodsAndFormats() {
        assertEquals(Period.DAY, Period.of(null));
        assertEquals(LocalDate.parse("2026-03-30"), Period.WEEK.start(LocalDate.parse("2026-04-05")));
        assertEquals(LocalDate.parse("2026-03-30"), Period.WEEK.start(LocalDate.parse("2026-03-30")));
        assertEquals("period", refusal(() -> Period.of("month")).field());
        assertEquals(ReportFormat.CSV, ReportFormat.of("csv", List.of()));
        assertEquals(ReportFormat.CSV, ReportFormat.of(null, List.of(new MediaType("text", "csv"))));
        assertEquals(ReportFormat.JSON, ReportFormat.of(null, List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(ReportFormat.JSON, ReportFormat.of(null, List.of(MediaType.APPLICATION_JSON_TYPE,
                new MediaType("text", "csv"))));
        assertEquals("format", refusal(() -> ReportFormat.of("xlsx", List.of())).field());
    }

    @Test
    void theLiveDaysAreThoseOfThePeriodsNotCompactedClippedToTheRange() {
        DateRange range = new DateRange(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-31"));
        List<LocalDate> weeks = List.of(d("2026-03-02"), d("2026-03-09"), d("2026-03-16"), d("2026-03-23"),
                d("2026-03-30"));
        assertEquals(List.of(new DateRange(d("2026-03-04"), d("2026-03-08")), new DateRange(d("2026-03-16"),
                d("2026-03-22")), new DateRange(d("2026-03-30"), d("2026-03-31"))),
                CompactedSeries.liveDays(range, Period.WEEK, weeks, Set.of(d("2026-03-09"), d("2026-03-23"))));
        assertEquals(List.of(range), CompactedSeries.liveDays(range, Period.WEEK, weeks, Set.of()));
        assertEquals(List.of(), CompactedSeries.liveDays(range, Period.WEEK, weeks, Set.copyOf(weeks)));
        // Days: consecutive live days make one range; beyond 32 separate ones, the span from the first to the last.
        DateRange year = new DateRange(d("2026-01-01"), d("2026-12-31"));
        List<LocalDate> days = year.from().datesUntil(year.to().plusDays(1)).toList();
        Set<LocalDate> odd = days.stream().filter(x -> x.getDayOfYear() % 2 == 1).collect(Collectors.toSet());
        assertEquals(List.of(new DateRange(d("2026-01-02"), d("2026-12-30"))),
                CompactedSeries.liveDays(year, Period.DAY, days, odd));
        Set<LocalDate> allButTail = days.stream().filter(x -> x.isBefore(d("2026-12-20"))).collect(Collectors.toSet());
        assertEquals(List.of(new DateRange(d("2026-12-20"), d("2026-12-31"))),
                CompactedSeries.liveDays(year, Period.DAY, days, allButTail));
    }

    @Test
    void aScopeReadsOnlyItsDayRanges() {
        DateRange range = new DateRange(d("2026-03-01"), d("2026-03-31"));
        Scope whole = new Scope(range, Optional.of(7L), Optional.empty());
        assertEquals(" WHERE on_day BETWEEN ? AND ? AND tenant_id = ?", whole.where());
        assertEquals(List.of(range.from(), range.to(), 7L), whole.args());
        Scope parts = whole.onlyDays(List.of(new DateRange(d("2026-03-01"), d("2026-03-02")),
                new DateRange(d("2026-03-30"), d("2026-03-31"))));
        assertEquals(" WHERE (on_day BETWEEN ? AND ? OR on_day BETWEEN ? AND ?) AND tenant_id = ?", parts.where());
        assertEquals(List.of(d("2026-03-01"), d("2026-03-02"), d("2026-03-30"), d("2026-03-31"), 7L), parts.args());
        assertTrue(parts.metrics("tenant_id", "on_day").contains("l.g = d.g AND l.g2 = d.g2"));
        assertEquals(15, parts.metricsArgs().size(), "the scope's five arguments for each of three subqueries");
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void verbsCount() {
        assertEquals(List.of(Kind.COMPLETION, Kind.PASS), Kind.of("http://adlnet.gov/expapi/verbs/passed"));
        assertEquals(List.of(Kind.LAUNCH), Kind.of("http://adlnet.gov/expapi/verbs/launched"));
        assertEquals(List.of(), Kind.of("http://adlnet.gov/expapi/verbs/experienced"));
        assertEquals(List.of(), Kind.of("https://example.org/verbs/completed"));
        assertEquals(Kind.FAIL, Kind.of('F'));
    }

    @Test
    void statementFacts() throws Exception {
        JsonNode s = JSON.readTree("{\"actor\":{\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"7\"}},"
                + "\"object\":{\"id\":\"https://x.example/a\"},\"timestamp\":\"2026-03-02T10:00:00.000+01:00\","
                + "\"result\":{\"duration\":\"PT1H2M3.9S\"}}");
        assertEquals(64, StatementFacts.learner(s).orElseThrow().length());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), StatementFacts.occurred(s, Instant.EPOCH));
        assertEquals(Optional.of("https://x.example/a"), StatementFacts.activity(s));
        assertEquals(Optional.of(3723L), StatementFacts.duration(s));
        JsonNode other = JSON.readTree("{\"actor\":{\"objectType\":\"Group\",\"member\":[]},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"x\"},\"result\":{\"duration\":\"P1Y\"}}");
        assertEquals(Optional.empty(), StatementFacts.learner(other));
        assertEquals(Optional.empty(), StatementFacts.activity(other));
        assertEquals(Optional.empty(), StatementFacts.duration(other));
        assertEquals(Instant.EPOCH, StatementFacts.occurred(other, Instant.EPOCH));
        assertEquals(Optional.empty(), StatementFacts.since(Instant.parse("2026-03-02T10:00:00Z"),
                Instant.parse("2026-03-02T09:00:00Z")));
    }

    @Test
    void csvNeutralisesFormulasAndWritesPlainNumbers() throws Exception {
        List<Column> columns = List.of(Column.text("name"), Column.number("n"), Column.number("rate"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter csv = RowWriter.of(ReportFormat.CSV, out, Map.of(), "rows", columns);
        for (String bad : List.of("=SUM(A1)", "+1", "-1", "@x", "\tx")) {
            csv.row(bad, 1L, 0.123456);
        }
        csv.row("plain, with comma", 2L, null);
        csv.close();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("name,n,rate", lines.get(0));
        for (int i = 1; i <= 5; i++) {
            String cell = lines.get(i).startsWith("\"") ? lines.get(i).substring(1) : lines.get(i);
            assertTrue(cell.startsWith("'"), lines.get(i));
            assertTrue(lines.get(i).endsWith(",1,0.1235"), lines.get(i));
        }
        assertEquals("\"plain, with comma\",2,", lines.get(6));
    }

    @Test
    void jsonCarriesTheParametersAndTypedCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", LocalDate.parse("2026-03-01"));
        params.put("trust", null);
        RowWriter json = RowWriter.of(ReportFormat.JSON, out, params, "series",
                List.of(Column.text("periodStart"), Column.number("launches"), Column.number("passRate")));
        json.row(LocalDate.parse("2026-03-01"), 3L, null);
        json.close();
        JsonNode body = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("2026-03-01", body.get("from").asText());
        assertTrue(body.get("trust").isNull());
        assertEquals(3, body.get("series").get(0).get("launches").asInt());
        assertTrue(body.get("series").get(0).get("passRate").isNull());
    }

    @Test
    void passRateIsOverJudgedAttempts() {
        assertEquals(0.25, new Metrics(0, 0, 1, 3, 0, null).passRate());
        assertEquals(null, Metrics.NONE.passRate());
    }

    private static HubProblem refusal(Runnable r) {
        return assertThrows(HubProblem.class, r::run);
    }
}
