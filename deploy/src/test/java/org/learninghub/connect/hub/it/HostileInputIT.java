package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input, generated: whatever arrives at the xAPI and admin endpoints (deep nesting, huge
 * strings, arrays and numbers, invalid UTF-8, duplicate keys, wrong types, injection strings in every
 * field and parameter, malformed multipart), the answer is a 4xx with a message or a success, never a
 * 5xx or a hang, and what was stored before is unchanged. One packaged server on PostgreSQL serves every
 * try; at the end its log must hold no {@code OutOfMemoryError}.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final String STATE = "/xapi/activities/state?activityId=" + enc("http://example.org/hostile/baseline")
            + "&agent=" + enc("{\"mbox\":\"mailto:baseline@example.org\"}") + "&stateId=baseline";

    private static HubProcess hub;
    private static Path log;
    private static XapiCredential lrs;
    private static String baselineId;
    private static String baselineStatement;
    private static String baselineState;
    private static String trustsBefore;

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE xapi_statement; --", "\"); DELETE FROM trust; --",
            "<script>alert(document.domain)</script>", "<svg onload=alert(1)>", "${jndi:ldap://127.0.0.1:1/x}",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "\u0000", "%00", "{{7*7}}", "$(id)", "`id`",
            "\r\nSet-Cookie: x=y", "\u202Egnp.exe", "\uD83D\uDE00", "\uD800", "\\", "\"", "%", "+", "&method=PUT",
            "javascript:alert(1)", "mailto:", "http://", "urn:", "0x7fffffff", "-1", "1e309", "NaN", "null", "[]", "{}");

    @BeforeContainer
    static void startServer() throws IOException {
        log = HubProcess.logFile("hostile-input").toPath();
        Files.deleteIfExists(log);
        hub = HubProcess.start(Map.of(
                "HUB_DB_URL", System.getProperty("hub.test.db.url"),
                "HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"),
                "HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""),
                "HUB_KEYS_SECRET", "it-tool-keys-secret-for-tests-only"), log);
        HubClient client = hub.client();
        lrs = XapiCredential.issue(client, "all");
        baselineId = UUID.randomUUID().toString();
        HttpResponse<String> put = send(lrs.xapi(client, "/xapi/statements?statementId=" + baselineId, "2.0.0")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(statement(Map.of("id", quote(baselineId))))));
        assertEquals(204, put.statusCode(), put.body());
        baselineStatement = storedStatement();
        HttpResponse<String> state = send(lrs.xapi(client, STATE, "2.0.0").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"progress\":0.5}")));
        assertEquals(204, state.statusCode(), state.body());
        baselineState = storedState();
        trustsBefore = send(client.admin("/admin/api/trusts").GET()).body();
    }

    @AfterContainer
    static void nothingStoredChangedAndNoMemoryWasExhausted() throws IOException {
        try {
            assertEquals(baselineStatement, storedStatement(), "the stored statement is unchanged");
            assertEquals(baselineState, storedState(), "the stored State document is unchanged");
            JsonNode after = JSON.readTree(send(hub.client().admin("/admin/api/trusts").GET()).body());
            for (JsonNode trust : JSON.readTree(trustsBefore)) {
                boolean kept = false;
                for (JsonNode now : after) {
                    kept |= now.get("code").equals(trust.get("code")) && now.get("name").equals(trust.get("name"))
                            && now.get("status").equals(trust.get("status"));
                }
                assertTrue(kept, "trust changed or lost: " + trust);
            }
        } finally {
            hub.close();
        }
        assertFalse(Files.readString(log).contains("OutOfMemoryError"), "the server log holds an OutOfMemoryError");
    }

    @Property(tries = 300)
    void hostileStatementBodiesAreRefusedCleanly(@ForAll("hostileBodies") byte[] body,
                                                 @ForAll("statementTypes") String type,
                                                 @ForAll("versions") String version) {
        HttpResponse<String> answer = send(lrs.xapi(hub.client(), "/xapi/statements", version)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertClean(answer);
    }

    @Property(tries = 200)
    void hostileStatementQueriesAreRefusedCleanly(@ForAll("statementParameters") String name,
                                                  @ForAll("hostileParameterValues") String value) {
        HttpResponse<String> answer = send(lrs.xapi(hub.client(), "/xapi/statements?" + enc(name) + "=" + enc(value),
                "2.0.0").GET());
        assertClean(answer);
    }

    @Property(tries = 200)
    void hostileDocumentRequestsAreRefusedCleanly(@ForAll("documentParameters") String name,
                                                  @ForAll("hostileParameterValues") String value,
                                                  @ForAll("hostileBodies") byte[] body,
                                                  @ForAll("documentTypes") String type) {
        String query = "activityId=" + enc("http://example.org/hostile/other") + "&agent="
                + enc("{\"mbox\":\"mailto:other@example.org\"}") + "&stateId=other&" + enc(name) + "=" + enc(value);
        assertClean(send(lrs.xapi(hub.client(), "/xapi/activities/state?" + query, "2.0.0").GET()));
        assertClean(send(lrs.xapi(hub.client(), "/xapi/activities/state?" + query, "2.0.0")
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    @Property(tries = 200)
    void hostileAdminBodiesAreRefusedCleanly(@ForAll("hostileBodies") byte[] body, @ForAll("adminPaths") String path) {
        String target = path.replace("{trust}", lrs.trust());
        HttpResponse<String> answer = send(hub.client().admin(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertClean(answer);
    }

    @Property(tries = 100)
    void hostileMultipartIsRefusedCleanly(@ForAll("multipartBodies") byte[] body, @ForAll("boundaries") String boundary) {
        HttpResponse<String> answer = send(lrs.xapi(hub.client(), "/xapi/statements", "2.0.0")
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertClean(answer);
    }

    // ---- generators ----

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(100, 200_000).map(n -> utf8("[".repeat(n) + "]".repeat(n))),
                Arbitraries.integers().between(100, 100_000).map(n -> utf8("{\"a\":".repeat(n) + "1" + "}".repeat(n))),
                Arbitraries.integers().between(1_000, 2_000_000).map(n -> utf8(statement(Map.of("name", "\"" + "x".repeat(n) + "\"")))),
                Arbitraries.integers().between(1_000, 300_000).map(n -> utf8("[" + (statement(Map.of()) + ",").repeat(Math.min(n, 3_000)) + "{}]")),
                Arbitraries.integers().between(1_000, 300_000).map(n -> utf8("[" + "1,".repeat(n) + "1]")),
                Arbitraries.integers().between(400, 200_000).map(n -> utf8(statement(Map.of("raw", "1" + "0".repeat(n))))),
                Arbitraries.of("1e999999999", "-0.0e-99999999", "1" + "0".repeat(5000) + ".5").map(n -> utf8(statement(Map.of("raw", n)))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
                invalidUtf8(),
                Arbitraries.of(statement(Map.of()).replaceFirst("\\{", "{\"verb\":{\"id\":\"http://x.example/v\"},"),
                        "{\"id\":\"a\",\"id\":\"b\"}", "{\"code\":\"A1\",\"code\":\"B2\",\"name\":\"n\"}").map(HostileInputIT::utf8),
                wrongTypes(),
                injected(),
                Arbitraries.strings().ofMaxLength(2000).map(HostileInputIT::utf8),
                Arbitraries.just(new byte[0]));
    }

    private Arbitrary<byte[]> invalidUtf8() {
        return Combinators.combine(Arbitraries.of(Slot.values()), Arbitraries.of(
                new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}))
                .as((slot, bad) -> {
                    String marker = "MARKER" + UUID.randomUUID();
                    byte[] text = utf8(statement(Map.of(slot.key, "\"" + marker + "\"")));
                    String s = new String(text, StandardCharsets.ISO_8859_1);
                    return s.replace(marker, new String(bad, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                });
    }

    private Arbitrary<byte[]> wrongTypes() {
        return Combinators.combine(Arbitraries.of(Slot.values()),
                        Arbitraries.of("1", "-1.5", "true", "null", "[]", "[1,2]", "{}", "{\"a\":{}}", "\"\""))
                .as((slot, value) -> utf8(statement(Map.of(slot.key, value))));
    }

    private Arbitrary<byte[]> injected() {
        return Combinators.combine(Arbitraries.of(Slot.values()), hostileStrings())
                .as((slot, value) -> utf8(statement(Map.of(slot.key, quote(value)))));
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of(INJECTIONS),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(200),
                Arbitraries.integers().between(1_000, 60_000).map("a"::repeat),
                Arbitraries.integers().between(2, 5_000).map(n -> "P" + "9".repeat(n) + "D"),
                Arbitraries.of("{\"mbox\":\"mailto:a@b\",\"mbox\":\"mailto:c@d\"}", "{\"objectType\":\"Group\",\"member\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "}", "2026-13-45T99:99:99Z", "9999999999999999999999"));
    }

    /**
     * Values that fit a request line: a longer one is refused by the HTTP layer itself (400/414/431,
     * without a body) before any Hub code runs, which {@link #anOversizedRequestLineIsRefused} checks.
     */
    @Provide
    Arbitrary<String> hostileParameterValues() {
        return hostileStrings().filter(v -> enc(v).length() <= 6_000);
    }

    /** bin/hub bounds what the listener swallows after a refusal, so a refused body is not read to its end. */
    @Example
    void aRefusedBodyIsNotSwallowed() {
        long size = 1024L * 1024 * 1024;
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        int status = sendRaw(hub.client().request("/admin/api/trusts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> ServerProcess.filler(size, sent)), size))
                .build());
        assertTrue(status == -1 || status == 401, "status " + status);
        assertTrue(sent.get() < 64L * 1024 * 1024, "the server took " + sent.get() / 1024 / 1024 + " MB");
    }

    @Example
    void anOversizedRequestLineIsRefused() {
        int status = sendRaw(lrs.xapi(hub.client(), "/xapi/statements?agent=" + "a".repeat(100_000), "2.0.0").GET().build());
        assertTrue(status == -1 || (status >= 400 && status < 500), "status " + status);
        assertEquals(200, hub.client().get("/health/ready").statusCode());
    }

    @Provide
    Arbitrary<String> statementParameters() {
        return Arbitraries.of("statementId", "voidedStatementId", "agent", "verb", "activity", "registration",
                "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending",
                "more", "method", "unknown");
    }

    @Provide
    Arbitrary<String> documentParameters() {
        return Arbitraries.of("activityId", "agent", "stateId", "registration", "since", "profileId", "unknown");
    }

    @Provide
    Arbitrary<String> statementTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
                "multipart/mixed; boundary=z", "application/x-www-form-urlencoded", "application/json; charset=nonsense");
    }

    @Provide
    Arbitrary<String> documentTypes() {
        return Arbitraries.of("application/json", "text/html", "image/svg+xml", "application/octet-stream");
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.of("1.0.3", "2.0.0");
    }

    @Provide
    Arbitrary<String> adminPaths() {
        return Arbitraries.of("/admin/api/trusts", "/admin/api/trusts/{trust}/credentials",
                "/admin/api/trusts/{trust}/platforms");
    }

    @Provide
    Arbitrary<String> boundaries() {
        return Arbitraries.of("z", "a-boundary", "x".repeat(70), "\"quoted\"", "");
    }

    @Provide
    Arbitrary<byte[]> multipartBodies() {
        String json = statement(Map.of());
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1_000, 200_000).map(n -> utf8("--z\r\n\r\n".repeat(n) + "--z--")),
                Arbitraries.just(utf8("--z\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--z\r\n"
                        + "Content-Type: text/plain\r\nX-Experience-API-Hash: " + "0".repeat(128) + "\r\n\r\nabc\r\n--z--")),
                Arbitraries.just(utf8("--z\r\nContent-Type: application/json\r\n\r\n" + json)),
                Arbitraries.just(utf8("--z\r\n" + "X-H: v\r\n".repeat(50_000) + "\r\n{}\r\n--z--")),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8192).map(b -> concat(utf8("--z\r\n"), b)));
    }

    /** The places in a statement a generator puts its value (raw JSON). */
    enum Slot {
        ID("id"), NAME("name"), MBOX("mbox"), VERB("verb"), DISPLAY("display"), OBJECT("object"), DEFINITION("definition"),
        RESPONSE("response"), DURATION("duration"), RAW("raw"), REGISTRATION("registration"), TIMESTAMP("timestamp"),
        EXTENSION("extension");

        final String key;

        Slot(String key) {
            this.key = key;
        }
    }

    /** A statement with the given slots (raw JSON values) replaced; the others valid. */
    static String statement(Map<String, String> slots) {
        String id = slots.getOrDefault("id", quote(UUID.randomUUID().toString()));
        return "{\"id\":" + id
                + ",\"actor\":{\"mbox\":" + slots.getOrDefault("mbox", "\"mailto:hostile@example.org\"")
                + ",\"name\":" + slots.getOrDefault("name", "\"Hostile\"") + "}"
                + ",\"verb\":{\"id\":" + slots.getOrDefault("verb", "\"http://adlnet.gov/expapi/verbs/answered\"")
                + ",\"display\":{\"en-US\":" + slots.getOrDefault("display", "\"answered\"") + "}}"
                + ",\"object\":{\"id\":" + slots.getOrDefault("object", "\"http://example.org/hostile/q\"")
                + ",\"definition\":{\"name\":{\"en-US\":" + slots.getOrDefault("definition", "\"Q\"") + "}}}"
                + ",\"result\":{\"response\":" + slots.getOrDefault("response", "\"r\"")
                + ",\"duration\":" + slots.getOrDefault("duration", "\"PT1S\"")
                + ",\"score\":{\"raw\":" + slots.getOrDefault("raw", "1") + ",\"min\":0,\"max\":100}}"
                + ",\"context\":{\"registration\":" + slots.getOrDefault("registration", quote(UUID.randomUUID().toString()))
                + ",\"extensions\":{\"http://example.org/ext\":" + slots.getOrDefault("extension", "1") + "}}"
                + ",\"timestamp\":" + slots.getOrDefault("timestamp", "\"2026-01-01T00:00:00Z\"") + "}";
    }

    // ---- checks ----

    /** Never a 5xx; a refusal is a 4xx with a JSON message. */
    private static void assertClean(HttpResponse<String> answer) {
        int status = answer.statusCode();
        assertTrue(status < 500, "server error " + status + ": " + answer.body());
        if (status >= 400) {
            JsonNode error;
            try {
                error = JSON.readTree(answer.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError("a " + status + " without a JSON error: " + answer.body(), e);
            }
            assertTrue(error.hasNonNull("error") && !error.get("error").asText().isBlank(),
                    "a " + status + " without a message: " + answer.body());
            assertFalse(answer.body().contains("\tat ") || answer.body().contains("Exception"),
                    "a stack trace or exception name leaked: " + answer.body());
        }
    }

    private static String storedStatement() {
        HttpResponse<String> got = send(lrs.xapi(hub.client(), "/xapi/statements?statementId=" + baselineId, "2.0.0").GET());
        assertEquals(200, got.statusCode(), got.body());
        return got.body();
    }

    private static String storedState() {
        HttpResponse<String> got = send(lrs.xapi(hub.client(), STATE, "2.0.0").GET());
        assertEquals(200, got.statusCode(), got.body());
        return got.body() + " " + got.headers().firstValue("ETag").orElse("");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return hub.client().send(request.timeout(ANSWER_WITHIN));
    }

    /** The status, or -1 when the server closed the connection on an oversized body (also a refusal). */
    private static int sendRaw(HttpRequest request) {
        try {
            // A client of its own: the server answers early and closes the connection of an oversized body.
            return new HubClient(hub.client().uri("/")).send(HttpRequest.newBuilder(request, (n, v) -> true)
                    .timeout(ANSWER_WITHIN)).statusCode();
        } catch (UncheckedIOException closed) {
            if (closed.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new AssertionError("no answer within " + ANSWER_WITHIN + " for " + request.uri(), closed);
            }
            return -1;
        }
    }

    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
