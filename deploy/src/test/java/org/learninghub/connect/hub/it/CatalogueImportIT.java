package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Migrating a platform over real HTTP: a generated 10 000-row CSV in one transaction with a correct report,
 * strict mode refusing a file with bad rows, dry runs, idempotent re-imports, the kept imports and their CSV reports.
 */
class CatalogueImportIT extends HubIT {

    static final String HEADER = "sourceId,title,description,keywords,type,launchUrl,activityId,version,gradable,scoreMaximum";

    @Test
    void aGeneratedTenThousandRowCsvImportsInOneTransactionWithACorrectReport() {
        CatalogueClient c = new CatalogueClient(base);
        String source = "ELR" + c.run;
        GeneratedCatalogue file = GeneratedCatalogue.of(c.run, 10_000);
        assertTrue(file.csv().length() > 1 << 20, "larger than the admin API's body limit: imports have their own");
        long start = System.nanoTime();
        HttpResponse<String> r = c.importCsv("source=" + source + "&dryRun=false", file.csv());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Catalogue import of 10 000 rows (" + file.csv().length() + " bytes): " + millis + " ms");
        assertEquals(201, r.statusCode(), r.body().length() > 2000 ? r.body().substring(0, 2000) : r.body());
        JsonNode report = CatalogueClient.read(r.body());
        JsonNode totals = report.get("totals");
        assertEquals(10_000, totals.get("rows").asInt());
        assertEquals(file.expectedWarnings().size(), totals.get("warnings").asInt());
        assertEquals(10_000 - file.expectedWarnings().size(), totals.get("accepted").asInt());
        assertEquals(0, totals.get("rejected").asInt());
        assertEquals(10_000, totals.get("created").asInt());
        Map<Integer, String> rules = new TreeMap<>();
        report.get("rows").forEach(row -> rules.put(row.get("row").asInt(),
                row.get("problems").get(0).get("rule").asText()));
        assertEquals(file.expectedWarnings(), rules, "every row with a problem, and only those, with its rule");

        assertEquals(10_000, c.search("source=" + source + "&size=1").get("total").asInt());
        JsonNode imports = CatalogueClient.read(c.get("/admin/api/imports").body());
        JsonNode kept = null;
        for (JsonNode i : imports) {
            if (i.get("id").asText().equals(report.get("id").asText())) {
                kept = i;
            }
        }
        assertTrue(kept != null, "the import is listed");
        assertEquals(HubClient.ADMIN_USER, kept.get("createdBy").asText());
        assertEquals(source, kept.get("source").asText());
        assertEquals(10_000, kept.get("totals").get("rows").asInt());
    }

    @Test
    void strictModeRefusesAFileWithBadRowsStoresNothingAndNamesEveryBadRowAndRule() {
        CatalogueClient c = new CatalogueClient(base);
        String source = "BAD" + c.run;
        String u = "https://content.example.nhs.uk/" + c.run;
        String csv = HEADER + "\n"
                + "s1,Safeguarding adults level one " + c.run + ",Recognising abuse.,safeguarding,web-page," + u + "/1," + u + "/act/1,,,\n"
                + "s2,,No title here.,safeguarding,web-page," + u + "/2," + u + "/act/2,,,\n"
                + "s3,Moving and handling basics " + c.run + ",Lifting safely.,manual handling,web-page,ftp://files/3," + u + "/act/3,,,\n"
                + "s4,Conflict resolution basics " + c.run + ",Calming situations.,conflict,web-page," + u + "/1," + u + "/act/1,,,\n"
                + "s5,Information governance " + c.run + ".,Data protection.,data;GDPR,web-page," + u + "/5," + u + "/act/5,,maybe,\n";
        HttpResponse<String> r = c.importCsv("source=" + source + "&dryRun=false&strict=true", csv);
        assertEquals(422, r.statusCode(), r.body());
        JsonNode report = CatalogueClient.read(r.body());
        assertEquals("refused", report.get("outcome").asText());
        assertEquals(5, report.get("totals").get("rows").asInt());
        assertEquals(4, report.get("totals").get("rejected").asInt());
        Map<Integer, List<String>> problems = problems(report);
        assertTrue(problems.get(2).contains("rejected title required"), problems.toString());
        assertTrue(problems.get(3).contains("rejected launchUrl url-syntax"), problems.toString());
        assertTrue(problems.get(4).contains("rejected launchUrl duplicate-in-file"), problems.toString());
        assertTrue(problems.get(5).contains("rejected gradable boolean"), problems.toString());
        assertTrue(problems.get(5).contains("warning title trailing-full-stop"), problems.toString());
        assertTrue(problems.get(5).contains("warning keywords keyword-case"), problems.toString());
        assertFalse(problems.containsKey(1), "a clean row is not listed");
        assertEquals(0, c.search("source=" + source).get("total").asInt(), "nothing stored");

        HttpResponse<String> csvReport = c.get("/admin/api/imports/" + report.get("id").asText() + "/report.csv");
        assertEquals(200, csvReport.statusCode(), csvReport.body());
        assertTrue(csvReport.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csvReport.body().split("\r?\n");
        assertEquals("row,sourceId,status,field,rule,severity,value", lines[0]);
        assertTrue(csvReport.body().contains("3,s3,rejected,launchUrl,url-syntax,rejected,ftp://files/3"), csvReport.body());

        HttpResponse<String> lenient = c.importCsv("source=" + source + "&dryRun=false", csv);
        assertEquals(201, lenient.statusCode(), lenient.body());
        assertEquals(1, CatalogueClient.read(lenient.body()).get("totals").get("created").asInt(),
                "without strict mode the good rows are stored and the rejected ones reported");
    }

    @Test
    void aDryRunReportsButStoresNothing() {
        CatalogueClient c = new CatalogueClient(base);
        String source = "DRY" + c.run;
        GeneratedCatalogue file = GeneratedCatalogue.of(c.run, 50);
        HttpResponse<String> r = c.importCsv("source=" + source + "&dryRun=true", file.csv());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = CatalogueClient.read(r.body());
        assertEquals("dry-run", report.get("outcome").asText());
        assertEquals(50, report.get("totals").get("rows").asInt());
        assertEquals(0, report.get("totals").get("created").asInt());
        assertEquals(0, c.search("source=" + source).get("total").asInt());
    }

    @Test
    void aReImportAfterFixingRowsUpdatesAndNeverDuplicates() {
        CatalogueClient c = new CatalogueClient(base);
        String source = "FIX" + c.run;
        String u = "https://content.example.nhs.uk/" + c.run;
        String first = HEADER + "\n"
                + "a,Basic life support for adults " + c.run + ",Chest compressions and rescue breaths.,resuscitation,e-learning-package," + u + "/a," + u + "/act/a,1,true,100\n"
                + "b,DEMENTIA AWARENESS " + c.run.toUpperCase() + ",Living well with dementia.,dementia,e-learning-package," + u + "/b," + u + "/act/b,1,,\n"
                + "c,Sepsis recognition " + c.run + ",Spotting sepsis early.,sepsis,e-learning-package,not a url," + u + "/act/c,1,,\n";
        HttpResponse<String> r1 = c.importCsv("source=" + source + "&dryRun=false", first);
        assertEquals(201, r1.statusCode(), r1.body());
        JsonNode t1 = CatalogueClient.read(r1.body()).get("totals");
        assertEquals(List.of(1, 1, 1, 2, 0), List.of(t1.get("accepted").asInt(), t1.get("warnings").asInt(),
                t1.get("rejected").asInt(), t1.get("created").asInt(), t1.get("updated").asInt()));

        String fixed = HEADER + "\n"
                + "a,Basic life support for adults " + c.run + ",Chest compressions and rescue breaths.,resuscitation,e-learning-package," + u + "/a," + u + "/act/a,2,true,100\n"
                + "b,Dementia awareness " + c.run + ",Living well with dementia.,dementia,e-learning-package," + u + "/b," + u + "/act/b,2,,\n"
                + "c,Sepsis recognition " + c.run + ",Spotting sepsis early.,sepsis,e-learning-package," + u + "/c," + u + "/act/c,2,,\n";
        HttpResponse<String> r2 = c.importCsv("source=" + source + "&dryRun=false&strict=true", fixed);
        assertEquals(201, r2.statusCode(), r2.body());
        JsonNode t2 = CatalogueClient.read(r2.body()).get("totals");
        assertEquals(3, t2.get("accepted").asInt(), r2.body());
        assertEquals(1, t2.get("created").asInt());
        assertEquals(2, t2.get("updated").asInt());
        JsonNode all = c.search("source=" + source);
        assertEquals(3, all.get("total").asInt(), "updated, not duplicated");
        all.get("items").forEach(item -> {
            assertEquals("2", item.get("version").asText());
            assertEquals(100, item.get("qualityScore").asInt(), item.toString());
        });
    }

    @Test
    void aJsonArrayImportsAndTheTemplateDownloads() {
        CatalogueClient c = new CatalogueClient(base);
        String source = "JSN" + c.run;
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> row = new java.util.LinkedHashMap<>(c.resource("json"));
        row.put("sourceId", "j1");
        rows.add(row);
        HttpResponse<String> r = c.hub.send(c.hub.admin("/admin/api/imports?source=" + source)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CatalogueClient.json(rows))));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(1, CatalogueClient.read(r.body()).get("totals").get("created").asInt());

        HttpResponse<String> template = c.get("/admin/api/imports/template");
        assertEquals(200, template.statusCode());
        assertTrue(template.body().startsWith(
                "sourceId,title,description,keywords,type,launchUrl,activityId,"), template.body());
        HttpResponse<String> noSource = c.importCsv("dryRun=true", HEADER + "\n");
        assertEquals(400, noSource.statusCode());
        assertEquals("source", CatalogueClient.read(noSource.body()).get("field").asText());
        HttpResponse<String> badHeader = c.importCsv("source=" + source, "sourceId,title,launchUrl,colour\n");
        assertEquals(400, badHeader.statusCode(), badHeader.body());
        assertTrue(badHeader.body().contains("colour"));
        HttpResponse<String> form = c.hub.send(c.hub.admin("/admin/api/imports?source=" + source)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(HEADER + "\n")));
        assertEquals(415, form.statusCode(), "a type a cross-site form can send is refused");
    }

    private static Map<Integer, List<String>> problems(JsonNode report) {
        Map<Integer, List<String>> out = new TreeMap<>();
        report.get("rows").forEach(row -> {
            List<String> list = new ArrayList<>();
            row.get("problems").forEach(p -> list.add(p.get("severity").asText() + " " + p.get("field").asText()
                    + " " + p.get("rule").asText()));
            out.put(row.get("row").asInt(), list);
        });
        return out;
    }
}
