package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the learner data-rights procedures do beyond statements and documents: erasing a learner removes the
 * attachment contents only their statements named and keeps one another learner's statement names too (however
 * that statement spells the hash); administrators list a trust's erasure audit, newest first, in pages, with what
 * the audit holds and no more.
 */
class LearnerErasureIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "erasure-it-boundary";

    @Test
    void erasingALearnerRemovesTheirOwnAttachmentsKeepsSharedOnesAndIsListedInTheAudit() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        HubClient hub = lti.hub;
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode resource = catalogue.created(catalogue.resource("erasure"));
        String activity = resource.get("activityId").asText();
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(trust, platform);
            Map<String, String> p = lti.launchResource(platform, resource.get("id").asText(), "learner-7");
            JsonNode actor = JSON.readTree(p.get("actor"));
            XapiCredential all = XapiCredential.issueTo(hub, trust, "all");

            byte[] own = ("certificate of learner-7 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            byte[] shared = ("the ward's shared handout " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String ownSha = MultipartRequest.hex("SHA-256", own);
            String sharedSha = MultipartRequest.hex("SHA-256", shared);
            ObjectNode mine = Statements.ofAttempt("attached", actor, p.get("registration"), activity);
            attach(mine, own, ownSha);
            attach(mine, shared, sharedSha);
            assertEquals(200, postWithAttachments(hub, all, mine, Map.of(ownSha, own, sharedSha, shared)).statusCode());
            // Another learner of the trust names the shared file too, its hash in capitals (hex is case-blind).
            ObjectNode theirs = Statements.ofAttempt("attached", JSON.readTree("{\"account\":{\"homePage\":\""
                    + platform.issuer + "\",\"name\":\"learner-8\"}}"), UUID.randomUUID().toString(), activity);
            attach(theirs, shared, sharedSha.toUpperCase(Locale.ROOT));
            assertEquals(200, postWithAttachments(hub, all, theirs, Map.of(sharedSha, shared)).statusCode());
            assertEquals(1, attachmentRows(ownSha));
            assertEquals(1, attachmentRows(sharedSha));

            String learner = "/admin/api/trusts/" + trust + "/learners/" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(platform.issuer.getBytes(StandardCharsets.UTF_8)) + "/learner-7";
            HttpResponse<String> dry = erase(hub, learner, "true");
            assertEquals(200, dry.statusCode(), dry.body());
            assertEquals(1, JSON.readTree(dry.body()).path("attachments").asInt(), "the unshared one: " + dry.body());
            assertEquals(1, attachmentRows(ownSha), "the dry run removed nothing");

            HttpResponse<String> erased = erase(hub, learner, "false");
            assertEquals(200, erased.statusCode(), erased.body());
            JsonNode report = JSON.readTree(erased.body());
            assertEquals(1, report.path("attachments").asInt(), erased.body());
            assertEquals(2, report.path("statements").asInt(), "launched and the one with files: " + erased.body());
            assertEquals(0, attachmentRows(ownSha), "the erased learner's own file is gone from the database");
            assertEquals(1, attachmentRows(sharedSha), "the file another learner's statement names stays");
            HttpResponse<byte[]> kept = hub.sendBytes(all.xapi(hub, "/xapi/statements?statementId="
                    + theirs.get("id").asText() + "&attachments=true", "1.0.3").GET());
            assertEquals(200, kept.statusCode());
            String keptBody = new String(kept.body(), StandardCharsets.UTF_8);
            assertTrue(keptBody.contains(new String(shared, StandardCharsets.UTF_8)), "served with its content");

            // The audit, newest first: the erasure, then its dry run.
            HttpResponse<String> listed = hub.send(hub.admin("/admin/api/trusts/" + trust + "/erasures").GET());
            assertEquals(200, listed.statusCode(), listed.body());
            JsonNode erasures = JSON.readTree(listed.body()).path("erasures");
            assertEquals(2, erasures.size(), listed.body());
            JsonNode newest = erasures.get(0);
            assertFalse(newest.path("dryRun").asBoolean(), listed.body());
            assertTrue(erasures.get(1).path("dryRun").asBoolean(), listed.body());
            assertTrue(newest.path("id").asLong() > erasures.get(1).path("id").asLong());
            assertEquals(HubClient.ADMIN_USER, newest.path("requestedBy").asText());
            assertEquals(platform.issuer, newest.path("issuer").asText());
            assertEquals(MultipartRequest.hex("SHA-256", "learner-7".getBytes(StandardCharsets.UTF_8)),
                    newest.path("subjectSha256").asText());
            assertFalse(newest.path("requested").asText().isEmpty());
            assertEquals(report, newest.path("report"), "the counts as the erasure answered them");
            assertFalse(listed.body().contains("learner-7"), "the audit keeps no sub: " + listed.body());
            assertFalse(listed.body().contains("next"), listed.body());

            HttpResponse<String> first = hub.send(hub.admin("/admin/api/trusts/" + trust + "/erasures?limit=1").GET());
            JsonNode page = JSON.readTree(first.body());
            assertEquals(1, page.path("erasures").size(), first.body());
            assertEquals(newest.path("id").asLong(), page.path("erasures").get(0).path("id").asLong());
            HttpResponse<String> second = hub.send(hub.admin("/admin/api/trusts/" + trust + "/erasures?limit=1&before="
                    + page.path("next").asLong()).GET());
            JsonNode rest = JSON.readTree(second.body());
            assertEquals(1, rest.path("erasures").size(), second.body());
            assertTrue(rest.path("erasures").get(0).path("dryRun").asBoolean(), second.body());
            assertTrue(rest.path("next").isMissingNode(), second.body());

            String otherTrust = lti.newTrust();
            HttpResponse<String> other = hub.send(hub.admin("/admin/api/trusts/" + otherTrust + "/erasures").GET());
            assertEquals(200, other.statusCode(), other.body());
            assertEquals(0, JSON.readTree(other.body()).path("erasures").size(), "another trust's audit: " + other.body());
            assertProblem(hub.send(hub.admin("/admin/api/trusts/" + trust + "/erasures?limit=0").GET()), 400, "limit");
            assertProblem(hub.send(hub.admin("/admin/api/trusts/" + trust + "/erasures?before=soon").GET()), 400,
                    "before");
            assertEquals(404, hub.send(hub.admin("/admin/api/trusts/NOPE" + UUID.randomUUID().toString()
                    .substring(0, 8) + "/erasures").GET()).statusCode());
            assertEquals(401, hub.send(hub.request("/admin/api/trusts/" + trust + "/erasures").GET()).statusCode());
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(field), response.body());
    }

    private static void attach(ObjectNode statement, byte[] content, String sha2) {
        ObjectNode a = (statement.has("attachments") ? (com.fasterxml.jackson.databind.node.ArrayNode)
                statement.get("attachments") : statement.putArray("attachments")).addObject();
        a.put("usageType", "http://example.org/usage/evidence");
        a.putObject("display").put("en-GB", "evidence");
        a.put("contentType", "text/plain");
        a.put("length", content.length);
        a.put("sha2", sha2);
    }

    private static HttpResponse<String> postWithAttachments(HubClient hub, XapiCredential credential,
                                                            JsonNode statement, Map<String, byte[]> parts) {
        MultipartRequest body = MultipartRequest.withBoundary(BOUNDARY).statements(statement.toString());
        parts.forEach((sha2, content) -> body.attachment("text/plain", sha2, content));
        return hub.send(credential.xapi(hub, "/xapi/statements", "1.0.3").header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    private static HttpResponse<String> erase(HubClient hub, String learner, String dryRun) {
        return hub.send(hub.admin(learner + "/erase?dryRun=" + dryRun).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static long attachmentRows(String sha2) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             PreparedStatement ps = c.prepareStatement("select count(*) from xapi_attachment where sha2 = ?")) {
            ps.setString(1, sha2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
