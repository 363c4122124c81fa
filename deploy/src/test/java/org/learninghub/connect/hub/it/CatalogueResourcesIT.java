package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's admin API over real HTTP: resources created, read, replaced and retired with their quality;
 * bad metadata refused naming field and rule; search ranking, filters and paging; the contribution review.
 */
class CatalogueResourcesIT extends HubIT {

    @Test
    void anAdministratorCreatesAPublishedResourceThatCarriesItsQuality() {
        CatalogueClient c = new CatalogueClient(base);
        String body = "{\"title\":\"Fire safety awareness " + c.run + "\",\"launchUrl\":\"https://content.example.nhs.uk/"
                + c.run + "/fire\",\"activityId\":\"https://content.example.nhs.uk/act/" + c.run
                + "/fire\",\"gradable\":true,\"scoreMaximum\":100}";
        HttpResponse<String> created = c.hub.adminPost("/admin/api/resources", body);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode r = CatalogueClient.read(created.body());
        String id = r.get("id").asText();
        assertEquals(36, id.length());
        assertEquals("published", r.get("status").asText());
        assertTrue(r.get("gradable").asBoolean());
        assertEquals(100.0, r.get("scoreMaximum").asDouble());
        // No description and no keywords: two open warnings, 80 of 100 (type defaults with a third warning).
        List<String> rules = new ArrayList<>();
        r.get("qualityWarnings").forEach(w -> rules.add(w.get("field").asText() + ":" + w.get("rule").asText()));
        assertEquals(List.of("description:missing", "keywords:count", "type:missing"), rules);
        assertEquals(70, r.get("qualityScore").asInt());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/admin/api/resources/" + id));

        JsonNode read = CatalogueClient.read(c.get("/admin/api/resources/" + id).body());
        assertEquals("Fire safety awareness " + c.run, read.get("title").asText());

        Map<String, Object> fixed = c.resource("fire");
        fixed.put("title", "Fire safety awareness for " + c.run);
        HttpResponse<String> replaced = c.put("/admin/api/resources/" + id, fixed);
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode after = CatalogueClient.read(replaced.body());
        assertEquals(100, after.get("qualityScore").asInt(), replaced.body());
        assertEquals(0, after.get("qualityWarnings").size());
        assertEquals("published", after.get("status").asText());

        assertEquals(204, c.delete("/admin/api/resources/" + id).statusCode());
        assertEquals("retired", CatalogueClient.read(c.get("/admin/api/resources/" + id).body()).get("status").asText());
        assertEquals(404, c.get("/admin/api/resources/" + java.util.UUID.randomUUID()).statusCode());
        assertEquals(404, c.get("/admin/api/resources/not-an-id").statusCode());
    }

    @Test
    void badMetadataIs400NamingFieldAndRuleAndNothingIsStored() {
        CatalogueClient c = new CatalogueClient(base);
        refused(c, "title", "x".repeat(251), "title", "max-length");
        refused(c, "title", "<b>Fire</b> safety " + c.run, "title", "no-html");
        refused(c, "launchUrl", "javascript:alert(1)", "launchUrl", "url-syntax");
        refused(c, "launchUrl", "https://" + "a".repeat(2050) + ".example", "launchUrl", "max-length");
        refused(c, "activityId", "not an iri", "activityId", "iri-syntax");
        refused(c, "type", "podcast", "type", "unknown-type");
        refused(c, "keywords", List.of("k".repeat(51)), "keywords", "keyword-max-length");
        refused(c, "gradable", true, "scoreMaximum", "positive-when-gradable");
        refused(c, "ownerTrust", "NOSUCH" + c.run.substring(0, 4).toUpperCase(), "ownerTrust", "unknown-trust");
        assertEquals(0, c.search("q=" + c.run).get("total").asInt(), "nothing was stored");
    }

    private void refused(CatalogueClient c, String field, Object value, String expectedField, String rule) {
        Map<String, Object> body = c.resource("bad-" + CatalogueClient.word(5));
        body.put(field, value);
        HttpResponse<String> r = c.post("/admin/api/resources", body);
        assertEquals(400, r.statusCode(), field + ": " + r.body());
        JsonNode error = CatalogueClient.read(r.body());
        assertEquals(expectedField, error.get("field").asText(), r.body());
        assertEquals(rule, error.get("error").asText(), r.body());
    }

    @Test
    void aDuplicateActivityIriIs409AndADuplicateTitleAWarning() {
        CatalogueClient c = new CatalogueClient(base);
        Map<String, Object> first = c.resource("dup");
        c.created(first);
        Map<String, Object> same = c.resource("dup2");
        same.put("activityId", first.get("activityId"));
        HttpResponse<String> r = c.post("/admin/api/resources", same);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals("activityId", CatalogueClient.read(r.body()).get("field").asText());
        Map<String, Object> sameTitle = c.resource("dup3");
        sameTitle.put("title", first.get("title"));
        JsonNode warned = c.created(sameTitle);
        assertEquals("duplicate-in-catalogue", warned.get("qualityWarnings").get(0).get("rule").asText(), warned.toString());
    }

    @Test
    void searchRanksTitleOverKeywordsOverDescriptionWithFiltersAndPages() {
        CatalogueClient c = new CatalogueClient(base);
        String word = CatalogueClient.word(9);
        Map<String, Object> inDescription = c.resource("d");
        inDescription.put("title", "Medicines management basics");
        inDescription.put("description", "Covers the " + word + " procedure on wards.");
        c.created(inDescription);
        Map<String, Object> inKeywords = c.resource("k");
        inKeywords.put("title", "Medicines management advanced");
        inKeywords.put("keywords", List.of(word, "medicines"));
        c.created(inKeywords);
        Map<String, Object> inTitle = c.resource("t");
        inTitle.put("title", "The " + word + " procedure explained");
        String titleId = c.created(inTitle).get("id").asText();
        Map<String, Object> toolkit = c.resource("x");
        toolkit.put("title", "A " + word + " toolkit for managers");
        toolkit.put("type", "toolkit");
        String toolkitId = c.created(toolkit).get("id").asText();
        Map<String, Object> unrelated = c.resource("u");
        unrelated.put("title", "Conflict resolution for receptionists");
        c.created(unrelated);

        JsonNode all = c.search("q=" + word);
        assertEquals(4, all.get("total").asInt(), all.toString());
        List<String> titles = new ArrayList<>();
        all.get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertTrue(titles.get(0).contains(word) && titles.get(1).contains(word), "title matches first: " + titles);
        assertEquals("Medicines management advanced", titles.get(2), "then keywords: " + titles);
        assertEquals("Medicines management basics", titles.get(3), "then description: " + titles);

        JsonNode toolkits = c.search("q=" + word + "&type=toolkit");
        assertEquals(1, toolkits.get("total").asInt());
        assertEquals(toolkitId, toolkits.get("items").get(0).get("id").asText());

        JsonNode page1 = c.search("q=" + word + "&size=3&page=1");
        JsonNode page2 = c.search("q=" + word + "&size=3&page=2");
        assertEquals(3, page1.get("items").size());
        assertEquals(1, page2.get("items").size());
        assertEquals(4, page2.get("total").asInt());
        assertEquals("Medicines management basics", page2.get("items").get(0).get("title").asText());

        assertEquals(204, c.delete("/admin/api/resources/" + titleId).statusCode());
        assertEquals(3, c.search("q=" + word + "&status=published").get("total").asInt());
        assertEquals(1, c.search("q=" + word + "&status=retired").get("total").asInt());
        assertEquals(4, c.search("q=" + word + "&owner=national").get("total").asInt());

        assertEquals(400, c.get("/admin/api/resources?type=podcast").statusCode());
        assertEquals(400, c.get("/admin/api/resources?size=1000").statusCode());
        assertEquals(400, c.get("/admin/api/resources?q=" + "w".repeat(201)).statusCode());
        assertEquals(200, c.get("/admin/api/resources?q=" + CatalogueClient.enc("\"a & | ! ( :* b")).statusCode(),
                "search text is never query syntax that fails");
    }

    @Test
    void aContributionIsReviewedThenPublished() {
        CatalogueClient c = new CatalogueClient(base);
        String trust = trust(c);
        Map<String, Object> body = c.resource("contrib");
        body.put("ownerTrust", trust);
        JsonNode submitted = c.created(body);
        assertEquals("in-review", submitted.get("status").asText());
        assertEquals(trust, submitted.get("ownerTrust").asText());
        String id = submitted.get("id").asText();
        assertEquals(0, c.search("q=" + c.run + "&status=published").get("total").asInt(), "not offered yet");

        HttpResponse<String> published = c.post("/admin/api/resources/" + id + "/publish", Map.of());
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("published", CatalogueClient.read(published.body()).get("status").asText());
        assertEquals(1, c.search("q=" + c.run + "&status=published&owner=" + trust).get("total").asInt());
        assertEquals(409, c.post("/admin/api/resources/" + id + "/publish", Map.of()).statusCode(), "published once");
    }

    @Test
    void aReturnedContributionKeepsItsCommentsIsFixedAndThenPublished() {
        CatalogueClient c = new CatalogueClient(base);
        String trust = trust(c);
        Map<String, Object> body = c.resource("ret");
        body.put("ownerTrust", trust);
        body.put("title", "HAND HYGIENE " + c.run.toUpperCase());
        JsonNode submitted = c.created(body);
        String id = submitted.get("id").asText();
        assertTrue(submitted.get("qualityWarnings").toString().contains("all-capitals"));

        assertEquals(400, c.post("/admin/api/resources/" + id + "/return", Map.of()).statusCode(), "comments required");
        HttpResponse<String> returned = c.post("/admin/api/resources/" + id + "/return",
                Map.of("comments", "Please write the title in sentence case."));
        assertEquals(200, returned.statusCode(), returned.body());
        JsonNode draft = CatalogueClient.read(returned.body());
        assertEquals("draft", draft.get("status").asText());
        assertEquals("Please write the title in sentence case.", draft.get("reviewComments").asText());
        assertEquals(409, c.post("/admin/api/resources/" + id + "/publish", Map.of()).statusCode(),
                "a draft is submitted before it is published");

        body.put("title", "Hand hygiene for " + c.run + " wards");
        JsonNode fixed = CatalogueClient.read(c.put("/admin/api/resources/" + id, body).body());
        assertEquals("draft", fixed.get("status").asText());
        assertEquals("Please write the title in sentence case.", fixed.get("reviewComments").asText());
        assertFalse(fixed.get("qualityWarnings").toString().contains("all-capitals"));
        assertEquals("in-review", CatalogueClient.read(c.post("/admin/api/resources/" + id + "/submit", Map.of()).body())
                .get("status").asText());
        JsonNode published = CatalogueClient.read(c.post("/admin/api/resources/" + id + "/publish", Map.of()).body());
        assertEquals("published", published.get("status").asText());
        assertFalse(published.has("reviewComments"), "comments are cleared on publication");
    }

    private static String trust(CatalogueClient c) {
        String code = HubClient.uniqueCode("C");
        HttpResponse<String> t = c.hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"Trust " + code + "\"}");
        assertEquals(201, t.statusCode(), t.body());
        return code;
    }
}
