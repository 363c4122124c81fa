package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The launch bridge end to end over HTTP: a catalogue resource launched from the test platform answers 303 to the
 * content with the launch parameters, and a "content" client using only those parameters records its attempt,
 * while its credential is refused everything outside the attempt.
 */
class LaunchBridgeIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aLaunchRedirectsToTheContentWhoseCredentialIsConfinedToItsAttempt() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("bridge"));
        String resourceId = resource.get("id").asText();
        String activity = resource.get("activityId").asText();
        try (TestPlatform platform = lti.registeredPlatform()) {
            HttpResponse<String> launched = launch(lti, platform, resourceId);
            assertEquals(303, launched.statusCode(), launched.body());
            URI location = URI.create(launched.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(resource.get("launchUrl").asText() + "?"), location.toString());
            Map<String, String> p = Browser.query(location);
            assertEquals(lti.tool.resolve("/xapi/").toString(), p.get("endpoint"));
            assertEquals(activity, p.get("activity_id"));
            JsonNode actor = JSON.readTree(p.get("actor"));
            assertEquals(platform.issuer, actor.path("account").path("homePage").asText());
            assertEquals("learner-7", actor.path("account").path("name").asText());
            assertFalse(actor.has("name") || actor.has("mbox"), "pseudonymous: " + actor);
            String registration = p.get("registration");
            UUID.fromString(registration);
            assertTrue(p.get("auth").startsWith("Basic "));

            // A relaunch of the unfinished attempt resumes it.
            Map<String, String> again = launchParameters(lti, platform, resourceId);
            assertEquals(registration, again.get("registration"));
            assertNotEquals(p.get("auth"), again.get("auth"), "each launch gets its own credential");

            Content content = new Content(p);
            assertEquals(200, content.post(Statements.ofAttempt("initialized", actor, registration, activity)).statusCode());
            ObjectNode completed = Statements.ofAttempt("completed", actor, registration, activity);
            completed.putObject("result").put("completion", true).putObject("score").put("scaled", 0.85);
            HttpResponse<String> stored = content.post(completed);
            assertEquals(200, stored.statusCode(), stored.body());
            String stateQuery = "activities/state?activityId=" + enc(activity) + "&agent=" + enc(actor.toString())
                    + "&registration=" + registration + "&stateId=resume";
            assertEquals(204, content.send("PUT", stateQuery, "{\"page\":3}", null).statusCode());
            HttpResponse<String> state = content.send("GET", stateQuery, null, null);
            assertEquals(200, state.statusCode(), state.body());
            assertEquals(3, JSON.readTree(state.body()).path("page").asInt());

            HttpResponse<String> mine = content.send("GET", "statements?registration=" + registration, null, null);
            assertEquals(200, mine.statusCode(), mine.body());
            // The Hub's own launched statement (of this credential's launch) and the content's two.
            JsonNode found = JSON.readTree(mine.body()).path("statements");
            assertEquals(3, found.size(), mine.body());
            assertEquals("http://adlnet.gov/expapi/verbs/launched", found.get(2).path("verb").path("id").asText());
            assertEquals(actor, found.get(2).path("actor"));

            // Everything outside the attempt: 403.
            ObjectNode otherActor = Statements.ofAttempt("completed", JSON.readTree(
                    "{\"account\":{\"homePage\":\"" + platform.issuer + "\",\"name\":\"someone-else\"}}"), registration, activity);
            assertRefused(content.post(otherActor), "actor");
            assertRefused(content.post(Statements.ofAttempt("completed", actor, UUID.randomUUID().toString(), activity)),
                    "context.registration");
            assertRefused(content.post(Statements.ofAttempt("completed", actor, registration, "https://elsewhere.example/a")),
                    "object.id");
            assertRefused(content.send("GET", "statements", null, null), "registration");
            assertRefused(content.send("GET", "statements?registration=" + UUID.randomUUID(), null, null), "registration");
            assertRefused(content.send("GET", "activities/state?activityId=" + enc(activity) + "&agent="
                    + enc(actor.toString()) + "&registration=" + UUID.randomUUID() + "&stateId=resume", null, null),
                    "registration");
            assertEquals(403, content.send("GET", "activities/profile?activityId=" + enc(activity), null, null)
                    .statusCode());
            assertEquals(403, content.send("GET", "agents?agent=" + enc(actor.toString()), null, null).statusCode());

            // CORS: the content's own origin only.
            String origin = "https://content.example.nhs.uk";
            assertEquals(origin, content.send("GET", "statements?registration=" + registration, null, origin)
                    .headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertTrue(content.send("GET", "statements?registration=" + registration, null, "https://evil.example")
                    .headers().firstValue("Access-Control-Allow-Origin").isEmpty());

            // The outcome finished the attempt and queued exactly one score job, even when sent again.
            assertEquals(200, content.post(completed).statusCode(), "the same statement again is accepted");
            assertEquals(200, content.post(Statements.ofAttempt("completed", actor, registration, activity)).statusCode());
            // (The outbox worker may already have handled it: this launch had no AGS claim, so it is skipped.)
            assertEquals(1, count("select count(*) from outbox_job where registration = '" + registration
                    + "' and outcome = 'completed'"));
            Map<String, String> next = launchParameters(lti, platform, resourceId);
            assertNotEquals(registration, next.get("registration"), "a finished attempt is not resumed");

            // After expiry a launch credential is refused (expired in the database before its first use).
            Map<String, String> later = launchParameters(lti, platform, resourceId);
            expire(later.get("auth"));
            assertEquals(401, new Content(later).send("GET", "statements?registration=" + registration, null, null)
                    .statusCode());
        }
    }

    @Test
    void theTrustsReportingCredentialFindsTheAttemptByRegistration() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("report"));
        String activity = resource.get("activityId").asText();
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(trust, platform);
            Map<String, String> p = launchParameters(lti, platform, resource.get("id").asText());
            JsonNode actor = JSON.readTree(p.get("actor"));
            String registration = p.get("registration");
            Content content = new Content(p);
            ObjectNode initialized = Statements.ofAttempt("initialized", actor, registration, activity);
            ObjectNode completed = Statements.ofAttempt("completed", actor, registration, activity);
            assertEquals(200, content.post(initialized).statusCode());
            assertEquals(200, content.post(completed).statusCode());

            // An ordinary credential of the same trust, issued through the admin API, read-only.
            XapiCredential reporting = XapiCredential.issueTo(lti.hub, trust, "statements/read");
            HttpResponse<String> found = lti.hub.send(reporting.xapi(lti.hub,
                    "/xapi/statements?registration=" + registration, "1.0.3"));
            assertEquals(200, found.statusCode(), found.body());
            JsonNode statements = JSON.readTree(found.body()).path("statements");
            assertEquals(3, statements.size(), found.body());
            assertEquals(completed.get("id").asText(), statements.get(0).path("id").asText());
            assertEquals(initialized.get("id").asText(), statements.get(1).path("id").asText());
            assertEquals("http://adlnet.gov/expapi/verbs/launched", statements.get(2).path("verb").path("id").asText());
            for (JsonNode s : statements) {
                assertEquals(registration, s.path("context").path("registration").asText());
                assertEquals(actor.path("account"), s.path("actor").path("account"));
            }
        }
    }

    @Test
    void aLaunchCredentialFindsNothingOfAnotherTrust() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("isolated"));
        String activity = resource.get("activityId").asText();
        try (TestPlatform platform = lti.registeredPlatform()) {
            Map<String, String> p = launchParameters(lti, platform, resource.get("id").asText());
            JsonNode actor = JSON.readTree(p.get("actor"));
            String registration = p.get("registration");
            // Another trust stores a statement that names the same actor, registration and activity.
            XapiCredential other = XapiCredential.issue(lti.hub, "statements/write", "statements/read");
            ObjectNode foreign = Statements.ofAttempt("experienced", actor, registration, activity);
            String foreignId = foreign.get("id").asText();
            HttpResponse<String> stored = lti.hub.send(other.xapi(lti.hub, "/xapi/statements", "1.0.3")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(foreign.toString())));
            assertEquals(200, stored.statusCode(), stored.body());

            Content content = new Content(p);
            HttpResponse<String> byId = content.send("GET", "statements?statementId=" + foreignId, null, null);
            assertTrue(byId.statusCode() == 403 || byId.statusCode() == 404, byId.statusCode() + " " + byId.body());
            assertFalse(byId.body().contains("experienced"), "nothing of the statement: " + byId.body());
            HttpResponse<String> byRegistration = content.send("GET", "statements?registration=" + registration,
                    null, null);
            assertEquals(200, byRegistration.statusCode(), byRegistration.body());
            assertFalse(byRegistration.body().contains(foreignId), byRegistration.body());
            assertEquals(1, JSON.readTree(byRegistration.body()).path("statements").size(), "only its launched statement");
            HttpResponse<String> byAgent = content.send("GET", "statements?registration=" + registration
                    + "&agent=" + enc(actor.toString()) + "&activity=" + enc(activity), null, null);
            assertEquals(200, byAgent.statusCode(), byAgent.body());
            assertFalse(byAgent.body().contains(foreignId), byAgent.body());
            // The other trust's State for the same triple is not the launch's either.
            String stateQuery = "/xapi/activities/state?activityId=" + enc(activity) + "&agent=" + enc(actor.toString())
                    + "&registration=" + registration + "&stateId=resume";
            XapiCredential otherState = XapiCredential.issueTo(lti.hub, other.trust(), "state");
            assertEquals(204, lti.hub.send(otherState.xapi(lti.hub, stateQuery, "1.0.3")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"secret\":\"other trust\"}"))).statusCode());
            HttpResponse<String> state = content.send("GET", stateQuery.substring("/xapi/".length()), null, null);
            assertEquals(404, state.statusCode(), state.body());
        }
    }

    @Test
    void eachRefusalOfALaunchCredentialIsListedToAdministratorsWithItsReason() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("rejected"));
        String activity = resource.get("activityId").asText();
        try (TestPlatform platform = lti.registeredPlatform()) {
            Map<String, String> p = launchParameters(lti, platform, resource.get("id").asText());
            JsonNode actor = JSON.readTree(p.get("actor"));
            String registration = p.get("registration");
            String rejections = "/admin/api/launches/" + registration + "/rejections";
            HttpResponse<String> none = lti.hub.send(lti.hub.admin(rejections));
            assertEquals(200, none.statusCode(), none.body());
            assertEquals(0, JSON.readTree(none.body()).path("rejections").size(), none.body());

            Content content = new Content(p);
            assertRefused(content.post(Statements.ofAttempt("completed", actor, registration, "https://elsewhere.example/a")),
                    "object.id");
            HttpResponse<String> listed = lti.hub.send(lti.hub.admin(rejections));
            assertEquals(200, listed.statusCode(), listed.body());
            JsonNode list = JSON.readTree(listed.body()).path("rejections");
            assertEquals(1, list.size(), listed.body());
            JsonNode r = list.get(0);
            assertEquals(403, r.path("status").asInt());
            assertEquals("object.id", r.path("path").asText());
            assertFalse(r.path("rule").asText().isBlank(), listed.body());
            assertEquals("POST", r.path("method").asText());
            assertEquals("/xapi/statements", r.path("target").asText());
            assertTrue(r.path("excerpt").asText().contains("https://elsewhere.example/a"), listed.body());
            String secret = new String(Base64.getDecoder().decode(p.get("auth").substring("Basic ".length())),
                    StandardCharsets.UTF_8).split(":")[1];
            assertFalse(listed.body().contains(secret), "no secret in the log");

            // Bounded per credential (the test server keeps 3): the oldest go, a successful request is not logged.
            assertEquals(200, content.post(Statements.ofAttempt("initialized", actor, registration, activity)).statusCode());
            assertRefused(content.send("GET", "statements?registration=" + UUID.randomUUID(), null, null), "registration");
            assertRefused(content.post(Statements.ofAttempt("completed", actor, UUID.randomUUID().toString(), activity)),
                    "context.registration");
            assertEquals(403, content.send("GET", "agents?agent=" + enc(actor.toString()), null, null).statusCode());
            JsonNode kept = JSON.readTree(lti.hub.send(lti.hub.admin(rejections)).body()).path("rejections");
            assertEquals(3, kept.size(), kept.toString());
            assertEquals("context.registration", kept.get(1).path("path").asText(), kept.toString());
            assertFalse(kept.toString().contains("elsewhere.example"), "the oldest was dropped: " + kept);

            // An ordinary credential's refusals are not a launch's; unknown and malformed launches.
            assertEquals(404, lti.hub.send(lti.hub.admin("/admin/api/launches/" + UUID.randomUUID() + "/rejections"))
                    .statusCode());
            assertEquals(400, lti.hub.send(lti.hub.admin("/admin/api/launches/nope/rejections")).statusCode());
        }
    }

    @Test
    void aLearnersDataIsExportedAndErasedSoThatNoQueryFindsItAfterADryRunThatChangedNothing() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        HubClient hub = lti.hub;
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("rights"));
        String activity = resource.get("activityId").asText();
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(trust, platform);
            Map<String, String> p = launchParameters(lti, platform, resource.get("id").asText());
            JsonNode actor = JSON.readTree(p.get("actor"));
            String registration = p.get("registration");
            Content content = new Content(p);
            ObjectNode completed = Statements.ofAttempt("completed", actor, registration, activity);
            assertEquals(200, content.post(Statements.ofAttempt("initialized", actor, registration, activity)).statusCode());
            assertEquals(200, content.post(completed).statusCode());
            String stateQuery = "/xapi/activities/state?activityId=" + enc(activity) + "&agent=" + enc(actor.toString())
                    + "&registration=" + registration + "&stateId=resume";
            assertEquals(204, content.send("PUT", stateQuery.substring("/xapi/".length()), "{\"page\":4}", null)
                    .statusCode());
            // Someone else of the same trust, who must stay.
            XapiCredential all = XapiCredential.issueTo(hub, trust, "all");
            ObjectNode other = Statements.ofAttempt("completed", JSON.readTree("{\"account\":{\"homePage\":\""
                    + platform.issuer + "\",\"name\":\"learner-8\"}}"), UUID.randomUUID().toString(), activity);
            assertEquals(200, hub.send(all.xapi(hub, "/xapi/statements", "1.0.3").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(other.toString()))).statusCode());

            String learner = "/admin/api/trusts/" + trust + "/learners/" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(platform.issuer.getBytes(StandardCharsets.UTF_8)) + "/learner-7";
            HttpResponse<String> exported = hub.send(hub.admin(learner + "/export"));
            assertEquals(200, exported.statusCode(), exported.body());
            JsonNode export = JSON.readTree(exported.body());
            assertEquals("learner-7", export.path("mapping").path("subject").asText(), exported.body());
            assertEquals(registration, export.path("launchSessions").get(0).path("registration").asText());
            assertEquals(3, export.path("statements").size(), "launched, initialized, completed: " + exported.body());
            assertTrue(exported.body().contains(completed.get("id").asText()));
            assertFalse(exported.body().contains(other.get("id").asText()), "not another learner's");
            assertEquals(1, export.path("documents").size(), exported.body());
            assertTrue(export.path("documents").get(0).path("content").asText().contains("4"), exported.body());

            assertEquals(415, hub.send(hub.admin(learner + "/erase?dryRun=false")
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "JSON content type required");
            assertEquals(400, erase(hub, learner, null).statusCode(), "dryRun is required");
            HttpResponse<String> dry = erase(hub, learner, "true");
            assertEquals(200, dry.statusCode(), dry.body());
            JsonNode wouldGo = JSON.readTree(dry.body());
            assertEquals(3, wouldGo.path("statements").asInt(), dry.body());
            assertEquals(1, wouldGo.path("documents").asInt(), dry.body());
            assertEquals(1, wouldGo.path("launchSessions").asInt(), dry.body());
            assertEquals(exported.body(), hub.send(hub.admin(learner + "/export")).body(), "the dry run changed nothing");
            assertEquals(3, found(hub, all, "/xapi/statements?registration=" + registration));

            HttpResponse<String> erased = erase(hub, learner, "false");
            assertEquals(200, erased.statusCode(), erased.body());
            assertEquals(3, JSON.readTree(erased.body()).path("statements").asInt(), erased.body());
            assertEquals(404, hub.send(all.xapi(hub, "/xapi/statements?statementId=" + completed.get("id").asText(),
                    "1.0.3")).statusCode());
            assertEquals(0, found(hub, all, "/xapi/statements?registration=" + registration));
            assertEquals(0, found(hub, all, "/xapi/statements?agent=" + enc(actor.toString())));
            assertEquals(0, found(hub, all, "/xapi/statements?agent=" + enc(actor.toString()) + "&related_agents=true"));
            assertEquals(0, found(hub, all, "/xapi/statements?verb=" + enc("http://adlnet.gov/expapi/verbs/initialized")
                    + "&activity=" + enc(activity)));
            assertEquals(404, hub.send(all.xapi(hub, stateQuery, "1.0.3")).statusCode(), "State gone");
            assertEquals(1, found(hub, all, "/xapi/statements?activity=" + enc(activity)), "the other learner stays");
            assertEquals(404, hub.send(hub.admin(learner + "/export")).statusCode(), "the mapping is gone");
            assertEquals(401, content.send("GET", "statements?registration=" + registration, null, null).statusCode(),
                    "the launch credential is gone");
            assertEquals(2, count("select count(*) from learner_erasure where requested_by = 'it-admin' and issuer = '"
                    + platform.issuer + "' and subject_hash <> 'learner-7'"), "both requests audited");
        }
    }

    @Test
    void aTrustThatOptsInNamesItsLearnersInStatementsButNeverByEmail() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        HubClient hub = lti.hub;
        CatalogueClient c = new CatalogueClient(base);
        JsonNode resource = c.created(c.resource("named"));
        String activity = resource.get("activityId").asText();
        String trust = lti.newTrust();
        String email = "mary.seacole." + c.run + "@example.nhs.uk";
        Map<String, Object> person = Map.of("name", "Mary Seacole", "email", email);
        try (TestPlatform platform = TestPlatform.start()) {
            platform.registerRedirectUri(lti.launchUrl());
            lti.register(trust, platform);
            String path = "/admin/api/trusts/" + trust;
            assertEquals("pseudonymous", JSON.readTree(hub.send(hub.admin(path)).body()).path("learnerIdentity").asText());

            // Pseudonymous by default: the LMS sends name and e-mail, the actor carries neither, the mapping keeps neither.
            Map<String, String> before = launchParameters(lti, platform, resource.get("id").asText(), person);
            JsonNode pseudonym = JSON.readTree(before.get("actor"));
            assertFalse(pseudonym.has("name") || pseudonym.has("mbox"), pseudonym.toString());
            String learner = path + "/learners/" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(platform.issuer.getBytes(StandardCharsets.UTF_8)) + "/learner-7";
            JsonNode mapping = JSON.readTree(hub.send(hub.admin(learner + "/export")).body()).path("mapping");
            assertFalse(mapping.hasNonNull("name") || mapping.hasNonNull("email"), mapping.toString());
            assertEquals("learner-7", mapping.path("subject").asText(), mapping.toString());

            // Bad settings: 400 naming the field; nothing changed.
            HttpResponse<String> bad = patch(hub, path, "{\"learnerIdentity\":\"public\"}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("learnerIdentity", JSON.readTree(bad.body()).path("field").asText(), bad.body());
            assertTrue(bad.body().contains("pseudonymous, named"), bad.body());
            assertEquals(400, patch(hub, path, "{\"learnerIdentity\":\"Named\"}").statusCode());
            assertEquals(400, patch(hub, path, "{\"learnerIdentities\":\"named\"}").statusCode(), "unknown field");
            assertEquals(400, patch(hub, path, "").statusCode(), "no body");
            assertEquals(415, hub.send(hub.admin(path).header("Content-Type", "text/plain")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"learnerIdentity\":\"named\"}")))
                    .statusCode(), "JSON only");
            assertEquals(401, hub.send(hub.request(path).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"learnerIdentity\":\"named\"}")))
                    .statusCode(), "administrators only");
            assertEquals(404, patch(hub, "/admin/api/trusts/NOSUCH" + c.run.toUpperCase().substring(0, 4),
                    "{\"learnerIdentity\":\"named\"}").statusCode());
            assertEquals("pseudonymous", JSON.readTree(hub.send(hub.admin(path)).body()).path("learnerIdentity").asText());

            // Opted in: the name joins the same account IFI, in the launch parameter and in the Hub's own statement.
            HttpResponse<String> opted = patch(hub, path, "{\"learnerIdentity\":\"named\"}");
            assertEquals(200, opted.statusCode(), opted.body());
            assertEquals("named", JSON.readTree(opted.body()).path("learnerIdentity").asText(), opted.body());
            Map<String, String> p = launchParameters(lti, platform, resource.get("id").asText(), person);
            JsonNode actor = JSON.readTree(p.get("actor"));
            assertEquals("Mary Seacole", actor.path("name").asText(), actor.toString());
            assertEquals(pseudonym.path("account"), actor.path("account"), "the identifier stays the account");
            assertFalse(actor.has("mbox") || actor.has("mbox_sha1sum") || actor.has("openid"), actor.toString());
            String registration = p.get("registration");
            assertEquals(before.get("registration"), registration, "the same learner's attempt, resumed");

            // The launch credential's restriction matches on the IFI: with the name or without it.
            Content content = new Content(p);
            assertEquals(200, content.post(Statements.ofAttempt("initialized", actor, registration, activity)).statusCode());
            assertEquals(200, content.post(Statements.ofAttempt("progressed", pseudonym, registration, activity)).statusCode());
            HttpResponse<String> other = content.post(Statements.ofAttempt("completed", JSON.readTree(
                    "{\"name\":\"Mary Seacole\",\"mbox\":\"mailto:" + email + "\"}"), registration, activity));
            assertRefused(other, "actor");

            XapiCredential reporting = XapiCredential.issueTo(hub, trust, "statements/read");
            HttpResponse<String> found = hub.send(reporting.xapi(hub, "/xapi/statements?registration=" + registration
                    + "&verb=" + enc("http://adlnet.gov/expapi/verbs/launched"), "1.0.3"));
            assertEquals(200, found.statusCode(), found.body());
            JsonNode launched = JSON.readTree(found.body()).path("statements");
            assertEquals(2, launched.size(), "one launch of each setting: " + found.body());
            assertEquals("Mary Seacole", launched.get(0).path("actor").path("name").asText(), found.body());
            assertFalse(launched.get(1).path("actor").has("name"), "the earlier launch stays pseudonymous");
            assertFalse(found.body().contains(email), "no e-mail in any statement");

            // The mapping keeps name and e-mail for data-rights requests; the export has them there only.
            HttpResponse<String> exported = hub.send(hub.admin(learner + "/export"));
            JsonNode export = JSON.readTree(exported.body());
            assertEquals("Mary Seacole", export.path("mapping").path("name").asText(), exported.body());
            assertEquals(email, export.path("mapping").path("email").asText(), exported.body());
            assertFalse(export.path("statements").toString().contains(email), exported.body());

            // Opting out again: the next launch is pseudonymous and the mapping forgets name and e-mail.
            assertEquals(200, patch(hub, path, "{\"learnerIdentity\":\"pseudonymous\"}").statusCode());
            JsonNode again = JSON.readTree(launchParameters(lti, platform, resource.get("id").asText(), person)
                    .get("actor"));
            assertFalse(again.has("name"), again.toString());
            JsonNode forgotten = JSON.readTree(hub.send(hub.admin(learner + "/export")).body()).path("mapping");
            assertFalse(forgotten.hasNonNull("name") || forgotten.hasNonNull("email"), forgotten.toString());
            assertEquals("learner-7", forgotten.path("subject").asText(), forgotten.toString());
        }
    }

    private static HttpResponse<String> patch(HubClient hub, String path, String body) {
        return hub.send(hub.admin(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> erase(HubClient hub, String learner, String dryRun) {
        return hub.send(hub.admin(learner + "/erase" + (dryRun == null ? "" : "?dryRun=" + dryRun))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static int found(HubClient hub, XapiCredential credential, String query) throws Exception {
        HttpResponse<String> r = hub.send(credential.xapi(hub, query, "1.0.3"));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("statements").size();
    }

    private static void assertRefused(HttpResponse<String> response, String path) throws Exception {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(path, JSON.readTree(response.body()).path("path").asText(), response.body());
    }

    /** The launch parameters the Hub's 303 hands the content, as the content reads them from its URL. */
    private Map<String, String> launchParameters(LtiSteps lti, TestPlatform platform, String hubResourceId) {
        return launchParameters(lti, platform, hubResourceId, Map.of());
    }

    /** The same, for a launch whose id_token carries more claims (e.g. the learner's name and e-mail). */
    private Map<String, String> launchParameters(LtiSteps lti, TestPlatform platform, String hubResourceId,
                                                 Map<String, Object> claims) {
        HttpResponse<String> launched = launch(lti, platform, hubResourceId, claims);
        assertEquals(303, launched.statusCode(), launched.body());
        return Browser.query(URI.create(launched.headers().firstValue("Location").orElseThrow()));
    }

    private HttpResponse<String> launch(LtiSteps lti, TestPlatform platform, String hubResourceId) {
        return launch(lti, platform, hubResourceId, Map.of());
    }

    private HttpResponse<String> launch(LtiSteps lti, TestPlatform platform, String hubResourceId,
                                        Map<String, Object> extra) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        JWTClaimsSet.Builder claims = platform.resourceLaunch(login.nonce(), lti.launchUrl())
                .claim(LTI + "custom", Map.of("hub_resource_id", hubResourceId));
        extra.forEach(claims::claim);
        return lti.launch(browser, platform.sign(claims.build()), login.state());
    }

    private static void expire(String auth) throws Exception {
        String key = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8)
                .split(":")[0];
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             PreparedStatement s = c.prepareStatement("update lrs_credential set expires = created - interval '1 minute'"
                     + " where cred_key = ?")) {
            s.setString(1, key);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Browser content: knows only the launch parameters. */
    private final class Content {
        private final Map<String, String> p;

        Content(Map<String, String> p) {
            this.p = p;
        }

        HttpResponse<String> post(JsonNode statement) throws Exception {
            return send("POST", "statements", statement.toString(), null);
        }

        HttpResponse<String> send(String method, String path, String body, String origin) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(p.get("endpoint") + path))
                    .header("Authorization", p.get("auth"))
                    .header("X-Experience-API-Version", "1.0.2")
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (origin != null) {
                r.header("Origin", origin);
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
