package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over real HTTP, with the server's default limits: request bodies over their family's limit
 * (sent with Content-Length and chunked) are 413 in the family's error shape, a too-large batch is a 413,
 * JSON beyond the parser's constraints is a 400 naming the rule, a duration that once took the regex engine
 * 38 s is answered at once, a value longer than its database column is a 400 naming the field, and
 * documents are served as data, never as pages.
 */
class InputLimitsIT extends HubIT {

    static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
    static final String ACTIVITY = "http://example.org/limits/course";
    /** Just over the default statement limit of 8 MiB. */
    static final int OVER_STATEMENT_LIMIT = 9 * 1024 * 1024;

    private HubClient hub() {
        return new HubClient(base);
    }

    private Statements fresh(String version) {
        HubClient hub = hub();
        return Statements.as(hub, XapiCredential.issue(hub, "all"), version);
    }

    /** A valid statement whose one extension holds a string of {@code size} characters. */
    private static String statementOfSize(UUID id, int size) {
        return Statements.withId(Statements.plus(Statements.statement("big@example.org", VERB, ACTIVITY),
                "\"result\":{\"extensions\":{\"http://example.org/ext/blob\":\"" + "a".repeat(size) + "\"}}"), id);
    }

    /** A publisher without a known length: java.net.http then sends the body chunked. */
    private static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** The body, cut short: a refusal that echoed a megabyte would drown the report. */
    private static String brief(HttpResponse<String> response) {
        String body = response.body();
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }

    private static void assertXapiTooLarge(HttpResponse<String> response) {
        assertEquals(413, response.statusCode(), brief(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(Statements.json(response).get("error").asText().contains("bytes"), brief(response));
    }

    @Test
    void aStatementBodyOverTheLimitWithContentLengthIs413AndNothingIsStored() {
        Statements lrs = fresh("2.0.0");
        UUID id = UUID.randomUUID();
        HttpResponse<String> post = lrs.post(statementOfSize(id, OVER_STATEMENT_LIMIT));
        assertXapiTooLarge(post);
        assertEquals(404, lrs.byId(id).statusCode());
    }

    @Test
    void aChunkedStatementBodyOverTheLimitIs413AndNothingIsStored() {
        Statements lrs = fresh("2.0.0");
        UUID id = UUID.randomUUID();
        HttpResponse<String> post = lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements", "2.0.0")
                .header("Content-Type", "application/json").POST(chunked(statementOfSize(id, OVER_STATEMENT_LIMIT))));
        assertXapiTooLarge(post);
        assertEquals(404, lrs.byId(id).statusCode());
    }

    @Test
    void aChunkedStatementPutOverTheLimitIs413() {
        Statements lrs = fresh("1.0.3");
        UUID id = UUID.randomUUID();
        HttpResponse<String> put = lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements?statementId=" + id,
                "1.0.3").header("Content-Type", "application/json").PUT(chunked(statementOfSize(id, OVER_STATEMENT_LIMIT))));
        assertXapiTooLarge(put);
        assertEquals(404, lrs.byId(id).statusCode());
    }

    @Test
    void aBatchOfMoreStatementsThanTheMaximumIs413AndNothingIsStored() {
        Statements lrs = fresh("2.0.0");
        UUID first = UUID.randomUUID();
        String batch = IntStream.range(0, 1001)
                .mapToObj(i -> i == 0 ? Statements.withId(Statements.statement("b@example.org", VERB, ACTIVITY), first)
                        : Statements.statement("b@example.org", VERB, ACTIVITY))
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> post = lrs.post(batch);
        assertEquals(413, post.statusCode(), brief(post));
        assertTrue(Statements.json(post).get("error").asText().contains("1000"), brief(post));
        assertEquals(404, lrs.byId(first).statusCode());
    }

    @Test
    void aChunkedStateDocumentOverTheLimitIs413() {
        HubClient hub = hub();
        XapiCredential credential = XapiCredential.issue(hub, "all");
        String body = "x".repeat(17 * 1024 * 1024);
        HttpResponse<String> put = hub.send(credential.xapi(hub, XapiDocumentClient.STATE + "?" + stateQuery("big"),
                "2.0.0").header("Content-Type", "application/octet-stream").PUT(chunked(body)));
        assertXapiTooLarge(put);
    }

    @Test
    void anAdminBodyOverTheLimitIs413InTheAdminErrorShape() {
        HubClient hub = hub();
        String body = "{\"code\":\"" + HubClient.uniqueCode("L") + "\",\"name\":\"" + "n".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> post = hub.send(hub.admin("/admin/api/trusts").header("Content-Type", "application/json")
                .POST(chunked(body)));
        assertEquals(413, post.statusCode(), brief(post));
        JsonNode error = Statements.json(post);
        assertTrue(error.get("error").asText().contains("bytes"), brief(post));
    }

    @Test
    void anAdminBodyOverTheLimitWithContentLengthIs413() {
        HubClient hub = hub();
        String body = "{\"code\":\"" + HubClient.uniqueCode("L") + "\",\"name\":\"" + "n".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> post = hub.adminPost("/admin/api/trusts", body);
        assertEquals(413, post.statusCode(), brief(post));
        assertTrue(Statements.json(post).get("error").asText().contains("bytes"), brief(post));
    }

    @Test
    void anLtiFormOverTheLimitIs413() {
        HubClient hub = hub();
        String form = "iss=https%3A%2F%2Fplatform.example.org&login_hint=" + "h".repeat(100 * 1024)
                + "&target_link_uri=" + URLEncoder.encode(hub.uri("/lti/launch").toString(), StandardCharsets.UTF_8);
        HttpResponse<String> post = hub.send(hub.request("/lti/login")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(chunked(form)));
        assertEquals(413, post.statusCode(), brief(post));
        assertTrue(post.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void anLtiFormOverTheLimitWithContentLengthIs413() {
        HubClient hub = hub();
        String form = "iss=https%3A%2F%2Fplatform.example.org&login_hint=" + "h".repeat(100 * 1024)
                + "&target_link_uri=" + URLEncoder.encode(hub.uri("/lti/launch").toString(), StandardCharsets.UTF_8);
        HttpResponse<String> post = hub.send(hub.request("/lti/login")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)));
        assertEquals(413, post.statusCode(), brief(post));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIs400NamingTheRule() {
        Statements lrs = fresh("2.0.0");
        String deep = "[".repeat(150) + "]".repeat(150);
        HttpResponse<String> post = lrs.post(Statements.plus(Statements.statement("d@example.org", VERB, ACTIVITY),
                "\"result\":{\"extensions\":{\"http://example.org/ext/deep\":" + deep + "}}"));
        assertEquals(400, post.statusCode(), brief(post));
        assertTrue(Statements.json(post).get("error").asText().contains("nesting depth"), brief(post));
    }

    @Test
    void duplicateKeysInAnAdminBodyAre400() {
        HubClient hub = hub();
        String code = HubClient.uniqueCode("D");
        HttpResponse<String> post = hub.adminPost("/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"One\",\"name\":\"Two\"}");
        assertEquals(400, post.statusCode(), brief(post));
        assertTrue(Statements.json(post).get("error").asText().contains("Duplicate"), brief(post));
        assertEquals(404, hub.send(hub.admin("/admin/api/trusts/" + code).GET()).statusCode());
    }

    /** Once 38 s of regex backtracking on the second PUT (the equivalence check); now answered at once. */
    @Test
    void aHugeDurationStoredTwiceIsAnsweredWithoutBacktracking() {
        Statements lrs = fresh("2.0.0");
        UUID id = UUID.randomUUID();
        String statement = Statements.plus(Statements.statement("t@example.org", VERB, ACTIVITY),
                "\"result\":{\"duration\":\"P" + "1".repeat(100_000) + "D\"}");
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> put = lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements?statementId=" + id,
                    "2.0.0").timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString(statement)));
            assertEquals(204, put.statusCode(), "attempt " + attempt + ": " + put.body());
        }
    }

    @Test
    void aVerbIriLongerThanItsColumnIs400NamingTheField() {
        Statements lrs = fresh("2.0.0");
        String verb = "http://example.org/verbs/" + "v".repeat(2049 - "http://example.org/verbs/".length());
        HttpResponse<String> post = lrs.post(Statements.statement("v@example.org", verb, ACTIVITY));
        assertEquals(400, post.statusCode(), brief(post));
        assertEquals("verb.id", Statements.json(post).get("path").asText());
    }

    @Test
    void anActivityIriLongerThanItsColumnIs400NamingTheField() {
        Statements lrs = fresh("2.0.0");
        String activity = "http://example.org/a/" + "a".repeat(2049 - "http://example.org/a/".length());
        HttpResponse<String> post = lrs.post(Statements.statement("v@example.org", VERB, activity));
        assertEquals(400, post.statusCode(), brief(post));
        assertEquals("object.id", Statements.json(post).get("path").asText());
    }

    /** The language tag pattern recursed once per subtag: a 12 000-character tag overflowed the stack (a 500). */
    @Test
    void anOverlongLanguageTagIs400NotAStackOverflow() {
        Statements lrs = fresh("2.0.0");
        String tag = "en" + "-aaaaa".repeat(2000);
        String statement = "{\"actor\":{\"mbox\":\"mailto:l@example.org\"},\"verb\":{\"id\":\"" + VERB
                + "\",\"display\":{\"" + tag + "\":\"did\"}},\"object\":{\"id\":\"" + ACTIVITY + "\"}}";
        HttpResponse<String> post = lrs.post(statement);
        assertEquals(400, post.statusCode(), brief(post));
        assertTrue(Statements.json(post).get("error").asText().contains("language tag"), brief(post));
    }

    @Test
    void anHtmlStateDocumentIsServedAsAnAttachmentThatCannotRunScript() {
        assertServedAsData(XapiDocumentClient.STATE, stateParams("page"));
    }

    @Test
    void anHtmlActivityProfileIsServedAsAnAttachmentThatCannotRunScript() {
        assertServedAsData(XapiDocumentClient.ACTIVITY_PROFILE,
                XapiDocumentClient.params("activityId", ACTIVITY, "profileId", "page"));
    }

    @Test
    void anSvgAgentProfileIsServedAsAnAttachmentThatCannotRunScript() {
        assertServedAsData(XapiDocumentClient.AGENT_PROFILE, XapiDocumentClient.params("agent",
                "{\"mbox\":\"mailto:x@example.org\"}", "profileId", "page"));
    }

    private void assertServedAsData(String resource, Map<String, String> query) {
        HubClient hub = hub();
        XapiDocumentClient lrs = new XapiDocumentClient(hub, XapiCredential.issue(hub, "all"), "1.0.3");
        String page = "<html><body><script>fetch('/admin/api/trusts')</script></body></html>";
        HttpResponse<String> put = lrs.put(resource, query, "text/html", page, "If-None-Match", "*");
        assertEquals(204, put.statusCode(), put.body());
        HttpResponse<String> got = lrs.get(resource, query);
        assertEquals(200, got.statusCode());
        assertEquals(page, got.body(), "the content comes back unchanged");
        assertEquals("text/html", got.headers().firstValue("Content-Type").orElse(""), "the type comes back unchanged");
        assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(got.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                got.headers().map().toString());
        assertTrue(got.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"),
                got.headers().map().toString());
    }

    @Test
    void everyXapiAnswerCarriesTheHardeningHeaders() {
        Statements lrs = fresh("2.0.0");
        for (HttpResponse<String> answer : new HttpResponse[] {
                lrs.hub().get("/xapi/about"),
                lrs.get(""),
                lrs.get("statementId=not-a-uuid"),
                lrs.hub().send(lrs.hub().request("/xapi/statements").header("X-Experience-API-Version", "2.0.0").GET())}) {
            String where = answer.request().uri() + " " + answer.statusCode();
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"),
                    where);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), where);
            assertTrue(answer.headers().firstValue("Cache-Control").orElse("").contains("no-store"), where);
        }
    }

    private static Map<String, String> stateParams(String stateId) {
        return XapiDocumentClient.params("activityId", ACTIVITY, "agent", "{\"mbox\":\"mailto:x@example.org\"}",
                "stateId", stateId);
    }

    private static String stateQuery(String stateId) {
        return stateParams(stateId).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
