package org.learninghub.connect.hub.catalogue.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.quality.Problem;

/** Import CSV read by Jackson's parser; reports written back as CSV; a stored report read back whole. */
class CsvRowsTest {

    static List<ImportRow> read(String csv) throws IOException {
        return CsvRows.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 10);
    }

    @Test
    void quotedCellsListsFlagsAndNumbers() throws IOException {
        List<ImportRow> rows = read("\uFEFFsourceId,title,launchUrl,keywords,gradable,scoreMaximum\n"
                + "r1,\"Fire safety, \"\"advanced\"\"\",https://x.example/1,fire;evacuation,yes,100\n"
                + "\n"
                + "r2,Second,https://x.example/2,,maybe,ten\n");
        assertEquals(2, rows.size());
        ImportRow first = rows.get(0);
        assertEquals(1, first.row());
        assertEquals("r1", first.sourceId());
        assertEquals("Fire safety, \"advanced\"", first.input().title());
        assertEquals(List.of("fire", "evacuation"), first.input().keywords());
        assertEquals(Boolean.TRUE, first.input().gradable());
        assertEquals(100.0, first.input().scoreMaximum());
        assertEquals(List.of("gradable boolean", "scoreMaximum number"),
                rows.get(1).readProblems().stream().map(p -> p.field() + " " + p.rule()).toList());
    }

    @Test
    void aHeaderWithAnUnknownMissingOrRepeatedColumnRefusesTheFile() {
        assertEquals("header", assertThrows(HubProblem.class, () -> read("sourceId,title,launchUrl,colour\n")).field());
        assertEquals("header", assertThrows(HubProblem.class, () -> read("sourceId,title\n")).field());
        assertEquals("header", assertThrows(HubProblem.class, () -> read("sourceId,title,launchUrl,title\n")).field());
        assertEquals("header", assertThrows(HubProblem.class, () -> read("")).field());
    }

    @Test
    void moreRowsThanTheMaximumRefuseTheFile() {
        StringBuilder csv = new StringBuilder("sourceId,title,launchUrl\n");
        for (int i = 0; i < 11; i++) {
            csv.append("r").append(i).append(",t,https://x.example/").append(i).append('\n');
        }
        assertEquals("rows", assertThrows(HubProblem.class, () -> read(csv.toString())).field());
    }

    @Test
    void reportCellsCannotBecomeSpreadsheetFormulas() {
        String out = CsvOut.write(List.of(List.of("row", "value"), List.of("1", "=HYPERLINK(\"http://evil\")"),
                List.of("2", "plain, with comma")));
        String[] lines = out.split("\n");
        assertEquals("row,value", lines[0]);
        assertTrue(lines[1].startsWith("1,\"'=HYPERLINK"), lines[1]);
        assertEquals("2,\"plain, with comma\"", lines[2]);
    }

    @Test
    void aStoredReportReadsBackWhole() throws IOException {
        ImportReport report = new ImportReport(UUID.randomUUID(), "ELR", "admin", Instant.parse("2026-11-29T10:00:00Z"),
                false, true, "refused", new ImportReport.Totals(2, 1, 0, 1, 0, 0),
                List.of(new ImportReport.RowReport(2, "r2", "rejected",
                        List.of(Problem.rejected("launchUrl", "url-syntax", "ftp://x"), Problem.warning("title", "too-short", "x")))));
        String json = ImportLog.JSON.writeValueAsString(report);
        assertTrue(json.contains("\"severity\":\"rejected\""), json);
        assertEquals(report, ImportLog.JSON.readValue(json, ImportReport.class));
    }
}
