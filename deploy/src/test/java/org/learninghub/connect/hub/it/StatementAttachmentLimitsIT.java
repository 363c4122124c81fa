package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Attachments under attack (security review holes 6, 7 and 10): a maintained streaming multipart parser
 * under part-count and size limits, every declared SHA-2 checked against the bytes, and statement answers
 * with attachments streamed from the database and bounded per answer, continued by {@code more}.
 * The server runs with the limits deploy/pom.xml gives it; the tests read the same values.
 */
class StatementAttachmentLimitsIT extends HubIT {

    static final int TEN_MIB = 10 * 1024 * 1024;
    static final String HASH_HEADER = "X-Experience-API-Hash";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static long setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: the server's limits come from deploy/pom.xml");
        }
        return Long.parseLong(value);
    }

    Statements fresh() {
        HubClient hub = new HubClient(base);
        return Statements.as(hub, XapiCredential.issue(hub, "all"), "2.0.0");
    }

    HttpResponse<String> post(Statements lrs, MultipartRequest body) {
        return lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements", lrs.version())
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    MultipartAnswer getWithAttachments(Statements lrs, String pathAndQuery) {
        HttpRequest request = lrs.credential().xapi(lrs.hub(), pathAndQuery, lrs.version()).timeout(Duration.ofMinutes(5))
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + body);
            }
            return MultipartAnswer.read(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Random bytes in which the short boundary "z" occurs often, but never as a delimiter (CRLF--z). */
    static byte[] binaryWithBoundaryLookalikes(long seed, int size) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[][] lookalikes = {MultipartRequest.ascii("--z"), MultipartRequest.ascii("\n--z\r\n"),
                MultipartRequest.ascii("--z--"), MultipartRequest.ascii("\r--z"), MultipartRequest.ascii("\n\n--z")};
        for (int at = 1000, i = 0; at < size - 16; at += 65_521, i++) {
            byte[] l = lookalikes[i % lookalikes.length];
            System.arraycopy(l, 0, content, at, l.length);
        }
        for (int i = 0; i + 4 < size; i++) {
            if (content[i] == '\r' && content[i + 1] == '\n' && content[i + 2] == '-' && content[i + 3] == '-' && content[i + 4] == 'z') {
                content[i + 1] = 0;
            }
        }
        return content;
    }

    // Hole 6: the delimiter is CRLF + "--" + boundary; a bare "--z" inside binary content is content.
    @Test
    void tenMegabyteBinaryAttachmentUnderTheShortBoundaryZIsStoredAndServedUnchanged() {
        Statements lrs = fresh();
        byte[] content = binaryWithBoundaryLookalikes(6, TEN_MIB);
        String sha2 = MultipartRequest.hex("SHA-256", content);
        MultipartRequest body = MultipartRequest.withBoundary("z")
                .statements(MultipartRequest.statementWithAttachment("ann@example.org", "application/octet-stream", content.length, sha2))
                .attachment("application/octet-stream", sha2, content);

        HttpResponse<String> stored = post(lrs, body);
        assertEquals(200, stored.statusCode(), stored.body());
        String id = Statements.json(stored).get(0).asText();

        MultipartAnswer answer = getWithAttachments(lrs, "/xapi/statements?statementId=" + id + "&attachments=true");
        assertEquals(id, answer.json().get("id").asText());
        assertEquals(1, answer.attachments().size());
        MultipartAnswer.Attachment served = answer.attachments().get(0);
        assertEquals(content.length, served.length());
        assertEquals(sha2, served.sha256(), "the bytes come back unchanged");
        assertEquals(sha2, served.hashHeader());
        assertEquals("binary", served.headers().get("content-transfer-encoding"));
    }

    // Hole 6: a request of 200 000 tiny parts is refused by the part-count rule before it is all read.
    @Test
    void twoHundredThousandTinyPartsAreRefusedByThePartCountLimit() {
        Statements lrs = fresh();
        long maxParts = setting("hub.limit.attachment.parts");
        byte[] tiny = {'x'};
        String sha2 = MultipartRequest.hex("SHA-256", tiny);
        MultipartRequest body = MultipartRequest.withBoundary("b")
                .statements(MultipartRequest.statementWithAttachment("ann@example.org", "text/plain", 1, sha2));
        for (int i = 1; i < 200_000; i++) {
            body.attachment("text/plain", sha2, tiny);
        }

        HttpResponse<String> refused = post(lrs, body);
        assertEquals(413, refused.statusCode(), refused.body());
        JsonNode error = Statements.json(refused);
        assertTrue(error.get("error").asText().contains("at most " + maxParts + " parts"), refused.body());
        assertEquals(0, Statements.json(lrs.get("")).get("statements").size(), "nothing was stored");
    }

    // Hole 7: a SHA-384 part header is checked against the bytes like a SHA-256 one.
    @Test
    void sha384PartWhoseBytesDoNotHaveItsHashIsRefused() {
        Statements lrs = fresh();
        byte[] real = "the certificate the learner earned".getBytes(StandardCharsets.UTF_8);
        byte[] other = "<svg onload=alert(document.domain)>".getBytes(StandardCharsets.UTF_8);
        String sha384 = MultipartRequest.hex("SHA-384", real);
        HttpResponse<String> refused = post(lrs, MultipartRequest.withBoundary("b")
                .statements(MultipartRequest.statementWithAttachment("ann@example.org", "text/plain", real.length, sha384))
                .attachment("text/plain", sha384, other));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(HASH_HEADER, Statements.json(refused).get("path").asText());
        assertTrue(refused.body().contains("SHA-384"), refused.body());
        assertEquals(0, Statements.json(lrs.get("")).get("statements").size(), "nothing was stored");
    }

    // Hole 7: storage is keyed by verified hashes only, so an earlier writer cannot poison a SHA-512 key.
    @Test
    void sha512ContentCannotBePoisonedByAnEarlierWriter() {
        Statements lrs = fresh();
        byte[] real = "the certificate the learner earned".getBytes(StandardCharsets.UTF_8);
        byte[] poison = "a forged certificate".getBytes(StandardCharsets.UTF_8);
        String sha512 = MultipartRequest.hex("SHA-512", real);

        HttpResponse<String> attacker = post(lrs, MultipartRequest.withBoundary("b")
                .statements(MultipartRequest.statementWithAttachment("mallory@example.org", "text/plain", real.length, sha512))
                .attachment("text/plain", sha512, poison));
        assertEquals(400, attacker.statusCode(), attacker.body());
        assertEquals(HASH_HEADER, Statements.json(attacker).get("path").asText());

        HttpResponse<String> learner = post(lrs, MultipartRequest.withBoundary("b")
                .statements(MultipartRequest.statementWithAttachment("ann@example.org", "text/plain", real.length, sha512))
                .attachment("text/plain", sha512, real));
        assertEquals(200, learner.statusCode(), learner.body());
        String id = Statements.json(learner).get(0).asText();

        MultipartAnswer answer = getWithAttachments(lrs, "/xapi/statements?statementId=" + id + "&attachments=true");
        assertEquals(1, answer.attachments().size());
        assertEquals(sha512, answer.attachments().get(0).hashHeader());
        assertEquals(sha512, answer.attachments().get(0).declaredAlgorithmHash(), "the real bytes are served");
    }

    @Test
    void sha384AndSha512AttachmentsWithTheirOwnBytesAreStoredAndServed() {
        Statements lrs = fresh();
        byte[] a = "first file".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second file".getBytes(StandardCharsets.UTF_8);
        String sha384 = MultipartRequest.hex("SHA-384", a);
        String sha512 = MultipartRequest.hex("SHA-512", b);
        String statement = Statements.plus(Statements.statement("ann@example.org", "http://adlnet.gov/expapi/verbs/answered",
                "http://example.org/q"), "\"attachments\":["
                + "{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"a\"},\"contentType\":\"text/plain\",\"length\":"
                + a.length + ",\"sha2\":\"" + sha384 + "\"},"
                + "{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"b\"},\"contentType\":\"text/plain\",\"length\":"
                + b.length + ",\"sha2\":\"" + sha512.toUpperCase() + "\"}]");
        HttpResponse<String> stored = post(lrs, MultipartRequest.withBoundary("b").statements(statement)
                .attachment("text/plain", sha384, a).attachment("text/plain", sha512, b));
        assertEquals(200, stored.statusCode(), stored.body());

        MultipartAnswer answer = getWithAttachments(lrs,
                "/xapi/statements?statementId=" + Statements.json(stored).get(0).asText() + "&attachments=true");
        assertEquals(2, answer.attachments().size());
        for (MultipartAnswer.Attachment part : answer.attachments()) {
            assertEquals(part.hashHeader(), part.declaredAlgorithmHash(), "each part has the hash it is served under");
        }
    }

    @Test
    void partHashThatIsNoSha2DigestIsRefused() {
        Statements lrs = fresh();
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        String sha1 = MultipartRequest.hex("SHA-1", content);
        HttpResponse<String> refused = post(lrs, MultipartRequest.withBoundary("b")
                .statements(MultipartRequest.statementWithAttachment("ann@example.org", "text/plain", content.length,
                        MultipartRequest.hex("SHA-256", content)))
                .attachment("text/plain", sha1, content));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(HASH_HEADER, Statements.json(refused).get("path").asText());
    }

    // The page is read through a cursor while attachment sizes are looked up on the same connection:
    // 40 statements are more than one fetch, so the cursor must survive those lookups.
    @Test
    void aPageLongerThanOneCursorFetchComesWholeWithEveryAttachment() {
        Statements lrs = fresh();
        StringBuilder batch = new StringBuilder("[");
        MultipartRequest body = MultipartRequest.withBoundary("batch-of-40");
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] content = ("attachment number " + i).getBytes(StandardCharsets.UTF_8);
            contents.add(content);
            batch.append(i == 0 ? "" : ",").append(MultipartRequest.statementWithAttachment("ann@example.org", "text/plain",
                    content.length, MultipartRequest.hex("SHA-256", content)));
        }
        body.statements(batch.append("]").toString());
        contents.forEach(c -> body.attachment("text/plain", MultipartRequest.hex("SHA-256", c), c));
        HttpResponse<String> stored = post(lrs, body);
        assertEquals(200, stored.statusCode(), stored.body());

        MultipartAnswer page = getWithAttachments(lrs, "/xapi/statements?attachments=true&limit=40");
        assertEquals(40, page.json().get("statements").size());
        assertEquals("", page.json().get("more").asText());
        assertEquals(40, page.attachments().size());
        Set<String> served = new HashSet<>();
        page.attachments().forEach(a -> {
            assertEquals(a.hashHeader(), a.sha256());
            served.add(a.sha256());
        });
        assertEquals(40, served.size());
    }

    // Hole 10: 20 x 10 MiB of attachments in one query answer; built in memory this took the 512 MB heap.
    @Test
    void largeAttachmentAnswersAreStreamedAndSplitIntoPagesLinkedByMore() {
        Statements lrs = fresh();
        long budget = setting("hub.limit.response.attachment-bytes");
        int statements = 20;
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < statements; i++) {
            byte[] content = new byte[TEN_MIB];
            new Random(1000 + i).nextBytes(content);
            String sha2 = MultipartRequest.hex("SHA-256", content);
            sent.add(sha2);
            HttpResponse<String> stored = post(lrs, MultipartRequest.withBoundary("xapi-it-10")
                    .statements(MultipartRequest.statementWithAttachment("ann@example.org", "application/octet-stream",
                            content.length, sha2))
                    .attachment("application/octet-stream", sha2, content));
            assertEquals(200, stored.statusCode(), stored.body());
        }
        int perPage = (int) Math.max(1, budget / TEN_MIB);
        assertTrue(perPage < statements, "the test needs a budget smaller than the answer: " + budget);

        List<MultipartAnswer> pages = new ArrayList<>();
        String next = "/xapi/statements?attachments=true&limit=40";
        while (!next.isEmpty()) {
            MultipartAnswer page = getWithAttachments(lrs, next);
            pages.add(page);
            next = page.json().get("more").asText();
            assertTrue(pages.size() <= statements, "more must end");
        }
        Set<String> served = new HashSet<>();
        int statementCount = 0;
        for (MultipartAnswer page : pages) {
            JsonNode list = page.json().get("statements");
            statementCount += list.size();
            assertTrue(list.size() <= perPage, "a page stops at the attachment budget: " + list.size());
            assertEquals(list.size(), page.attachments().size(), "each statement's attachment is in its page");
            long bytes = 0;
            for (MultipartAnswer.Attachment part : page.attachments()) {
                assertEquals(part.hashHeader(), part.sha256(), "each part holds the bytes of its hash");
                assertEquals(TEN_MIB, part.length());
                served.add(part.sha256());
                bytes += part.length();
            }
            assertTrue(bytes <= budget, bytes + " attachment bytes in one answer");
        }
        assertEquals(perPage, pages.get(0).json().get("statements").size(), "the first page fills the budget");
        assertFalse(pages.get(0).json().get("more").asText().isEmpty());
        assertEquals(statements, statementCount);
        assertEquals(sent, served, "every attachment was served once");

        assertEquals(200, lrs.hub().get("/health/ready").statusCode(), "the server is still healthy");
        assertEquals(200, lrs.post(Statements.statement("ann@example.org", "http://adlnet.gov/expapi/verbs/answered",
                "http://example.org/after")).statusCode());
    }
}
