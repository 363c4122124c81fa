package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attachments over multipart/mixed, signed statements, the alternate request syntax, the Activities resource. */
class StatementAttachmentsIT extends HubIT {

    static final String BOUNDARY = "it-boundary-7f3a";
    static final String VERB = "http://adlnet.gov/expapi/verbs/answered";

    Statements fresh(String version) {
        HubClient hub = new HubClient(base);
        return Statements.as(hub, XapiCredential.issue(hub, "all"), version);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static String withAttachment(String statement, String usageType, String contentType, byte[] content, String sha2) {
        return Statements.plus(statement, "\"attachments\":[{\"usageType\":\"" + usageType + "\",\"display\":{\"en\":\"file\"},"
                + "\"contentType\":\"" + contentType + "\",\"length\":" + content.length + ",\"sha2\":\"" + sha2 + "\"}]");
    }

    static byte[] multipart(String json, String contentType, byte[] content, String hash) {
        String head = "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--" + BOUNDARY
                + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + hash
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    HttpResponse<String> postMultipart(Statements lrs, byte[] body) {
        return lrs.hub().send(lrs.credential().xapi(lrs.hub(), "/xapi/statements", lrs.version())
                .header("Content-Type", "multipart/mixed; boundary=" + BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void attachmentIsStoredAndReturnedWithAttachmentsTrue() throws Exception {
        Statements lrs = fresh("2.0.0");
        byte[] content = {1, 2, 3, 0, (byte) 0xfe, 13, 10, 45, 45};
        String sha2 = sha256(content);
        String statement = withAttachment(Statements.statement("ann@example.org", VERB, "http://example.org/q"),
                "http://example.org/usage/file", "application/octet-stream", content, sha2);
        HttpResponse<String> stored = postMultipart(lrs, multipart(statement, "application/octet-stream", content, sha2));
        assertEquals(200, stored.statusCode(), stored.body());
        String id = Statements.json(stored).get(0).asText();

        HttpResponse<byte[]> got = lrs.hub().sendBytes(lrs.credential().xapi(lrs.hub(),
                "/xapi/statements?statementId=" + id + "&attachments=true", "2.0.0").GET());
        assertEquals(200, got.statusCode());
        String type = got.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/mixed"), type);
        String body = new String(got.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains(sha2), "the part names its hash");
        assertTrue(body.contains(new String(content, StandardCharsets.ISO_8859_1)), "the bytes come back unchanged");
        assertTrue(Statements.json(lrs.byId(UUID.fromString(id))).has("attachments"));
    }

    @Test
    void attachmentProblemsAreRefused() throws Exception {
        Statements lrs = fresh("2.0.0");
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        String sha2 = sha256(content);
        String statement = withAttachment(Statements.statement("ann@example.org", VERB, "http://example.org/q"),
                "http://example.org/usage/file", "text/plain", content, sha2);
        HttpResponse<String> noPart = lrs.post(statement);
        assertEquals(400, noPart.statusCode());
        assertEquals("attachments[0].sha2", Statements.json(noPart).get("path").asText());
        HttpResponse<String> wrongBytes = postMultipart(lrs, multipart(statement, "text/plain",
                "HELLO".getBytes(StandardCharsets.UTF_8), sha2));
        assertEquals(400, wrongBytes.statusCode(), wrongBytes.body());
        String fileUrl = Statements.plus(Statements.statement("ann@example.org", VERB, "http://example.org/q"),
                "\"attachments\":[{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"f\"},\"contentType\":\"text/plain\","
                        + "\"length\":5,\"sha2\":\"" + sha2 + "\",\"fileUrl\":\"http://files.example.org/hello.txt\"}]");
        assertEquals(200, lrs.post(fileUrl).statusCode(), "fileUrl-only attachments need no part");
    }

    @Test
    void signedStatementsAreVerified() throws Exception {
        Statements lrs = fresh("2.0.0");
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String original = Statements.withId(Statements.statement("ann@example.org", VERB, "http://example.org/q"), UUID.randomUUID());
        String usage = "http://adlnet.gov/expapi/attachments/signature";

        JWSObject good = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(original));
        good.sign(new RSASSASigner(key));
        byte[] jws = good.serialize().getBytes(StandardCharsets.US_ASCII);
        String signed = withAttachment(original, usage, "application/octet-stream", jws, sha256(jws));
        HttpResponse<String> ok = postMultipart(lrs, multipart(signed, "application/octet-stream", jws, sha256(jws)));
        assertEquals(200, ok.statusCode(), ok.body());

        String other = Statements.withId(Statements.statement("mallory@example.org", VERB, "http://example.org/q"), UUID.randomUUID());
        String tampered = withAttachment(other, usage, "application/octet-stream", jws, sha256(jws));
        HttpResponse<String> mismatch = postMultipart(lrs, multipart(tampered, "application/octet-stream", jws, sha256(jws)));
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("does not match"), mismatch.body());

        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(other));
        hmac.sign(new MACSigner(new byte[32]));
        byte[] hs = hmac.serialize().getBytes(StandardCharsets.US_ASCII);
        String hsSigned = withAttachment(other, usage, "application/octet-stream", hs, sha256(hs));
        HttpResponse<String> wrongAlg = postMultipart(lrs, multipart(hsSigned, "application/octet-stream", hs, sha256(hs)));
        assertEquals(400, wrongAlg.statusCode());
        assertTrue(wrongAlg.body().contains("RS256"), wrongAlg.body());
    }

    @Test
    void alternateRequestSyntaxIsHonouredIn103AndRefusedIn200() {
        Statements lrs = fresh("1.0.3");
        UUID id = UUID.randomUUID();
        String form = "statementId=" + id + "&Authorization=" + enc(lrs.credential().authorization())
                + "&X-Experience-API-Version=1.0.3&Content-Type=application%2Fjson&content="
                + enc(Statements.statement("ann@example.org", VERB, "http://example.org/q"));
        HttpResponse<String> put = lrs.hub().send(lrs.hub().request("/xapi/statements?method=PUT")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(204, put.statusCode(), put.body());
        assertEquals(200, lrs.byId(id).statusCode());

        HttpResponse<String> extraParam = lrs.hub().send(lrs.hub().request("/xapi/statements?method=GET&limit=1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("X-Experience-API-Version=1.0.3&Authorization="
                        + enc(lrs.credential().authorization()))));
        assertEquals(400, extraParam.statusCode());

        HttpResponse<String> v2 = lrs.hub().send(lrs.hub().request("/xapi/statements?method=GET")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("X-Experience-API-Version=2.0.0&Authorization="
                        + enc(lrs.credential().authorization()))));
        assertEquals(400, v2.statusCode());
        assertTrue(v2.body().contains("2.0.0"), v2.body());
    }

    @Test
    void activitiesResourceReturnsTheMergedDefinitionOfTheTrust() {
        Statements lrs = fresh("2.0.0");
        String activity = "http://example.org/activities/" + UUID.randomUUID();
        String first = "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\""
                + activity + "\",\"definition\":{\"name\":{\"en\":\"Quiz\"},\"type\":\"http://adlnet.gov/expapi/activities/assessment\"}}}";
        String second = first.replace("{\"en\":\"Quiz\"}", "{\"de\":\"Test\"}");
        assertEquals(200, lrs.post(first).statusCode());
        assertEquals(200, lrs.post(second).statusCode());
        HttpResponse<String> got = lrs.hub().send(lrs.credential().xapi(lrs.hub(),
                "/xapi/activities?activityId=" + enc(activity), "2.0.0").GET());
        assertEquals(200, got.statusCode(), got.body());
        JsonNode name = Statements.json(got).get("definition").get("name");
        assertEquals("Quiz", name.get("en").asText());
        assertEquals("Test", name.get("de").asText());

        Statements other = fresh("2.0.0");
        JsonNode elsewhere = Statements.json(other.hub().send(other.credential().xapi(other.hub(),
                "/xapi/activities?activityId=" + enc(activity), "2.0.0").GET()));
        assertFalse(elsewhere.has("definition"), "another trust's definitions stay invisible");
        assertEquals(400, other.hub().send(other.credential().xapi(other.hub(), "/xapi/activities", "2.0.0").GET()).statusCode());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
