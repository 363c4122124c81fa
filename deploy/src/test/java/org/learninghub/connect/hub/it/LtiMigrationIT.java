package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * LTI 1.1 → 1.3 migration over real HTTP: a registration keeps the platform's LTI 1.1 consumer key and
 * secret; a launch whose lti1p1 claim is signed with that secret links the 1.1 user_id to the 1.3 sub; a
 * wrong or missing signature links nothing and the launch still works.
 */
class LtiMigrationIT extends HubIT {

    private static final String KEY = "rx1-lti11-key";
    private static final String SECRET = "rx1-lti11-shared-secret";

    @Test
    void theAdminApiKeepsTheConsumerKeyAndNeverShowsTheSecret() {
        LtiSteps lti = new LtiSteps(base);
        String trust = lti.newTrust();
        try (TestPlatform platform = TestPlatform.start()) {
            JsonNode created = lti.register(trust, platform, Map.of("lti11ConsumerKey", KEY, "lti11Secret", SECRET));
            assertEquals(KEY, created.get("lti11ConsumerKey").asText());
            assertTrue(created.get("lti11SecretSet").asBoolean());
            String listed = lti.hub.send(lti.hub.admin("/admin/api/trusts/" + trust + "/platforms").GET()).body();
            assertFalse(listed.contains(SECRET), listed);
            assertFalse(created.toString().contains(SECRET), created.toString());
            HttpResponse<String> secretOnly = lti.hub.adminPost("/admin/api/trusts/" + lti.newTrust() + "/platforms",
                    TestPlatform.start().registrationJson(Map.of("lti11Secret", SECRET)));
            assertEquals(400, secretOnly.statusCode(), secretOnly.body());
            assertTrue(secretOnly.body().contains("\"field\":\"lti11ConsumerKey\""), secretOnly.body());
        }
    }

    @Test
    void aValidSignatureLinksTheAccounts() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform(Map.of("lti11ConsumerKey", KEY, "lti11Secret", SECRET))) {
            HttpResponse<String> page = launchWithClaim(lti, platform, claim -> claim.put("oauth_consumer_key_sign",
                    sign(claim.get("base"), SECRET)));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<dd data-field=\"lti 1.1 user\">lti11-user-42</dd>"), page.body());
            assertEquals(Optional.of("lti11-user-42"), linked(platform.issuer, "learner-7"));
        }
    }

    @Test
    void aWrongOrMissingSignatureLinksNothingAndTheLaunchStillWorks() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform(Map.of("lti11ConsumerKey", KEY, "lti11Secret", SECRET))) {
            HttpResponse<String> wrong = launchWithClaim(lti, platform, claim -> claim.put("oauth_consumer_key_sign",
                    sign(claim.get("base"), "not-the-secret")));
            assertEquals(200, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("<dd data-field=\"lti 1.1 user\">(none)</dd>"), wrong.body());
            HttpResponse<String> missing = launchWithClaim(lti, platform, claim -> { });
            assertEquals(200, missing.statusCode(), missing.body());
            // Signed for another deployment: the signature covers the deployment id.
            HttpResponse<String> otherBase = launchWithClaim(lti, platform, claim -> claim.put("oauth_consumer_key_sign",
                    sign(claim.get("base").replace("&" + platform.deploymentId + "&", "&other-deployment&"), SECRET)));
            assertEquals(200, otherBase.statusCode(), otherBase.body());
            assertEquals(Optional.empty(), linked(platform.issuer, "learner-7"));
        }
    }

    @Test
    void noStoredConsumerMeansNoLink() throws Exception {
        LtiSteps lti = new LtiSteps(base);
        try (TestPlatform platform = lti.registeredPlatform()) {
            HttpResponse<String> page = launchWithClaim(lti, platform, claim -> claim.put("oauth_consumer_key_sign",
                    sign(claim.get("base"), SECRET)));
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(Optional.empty(), linked(platform.issuer, "learner-7"));
        }
    }

    private interface ClaimEdit {
        void edit(Map<String, String> claim);
    }

    /** A login and a launch whose id_token carries the lti1p1 claim, edited by the test ("base" is the string to sign). */
    private static HttpResponse<String> launchWithClaim(LtiSteps lti, TestPlatform platform, ClaimEdit edit) {
        Browser browser = new Browser();
        LtiSteps.Login login = lti.login(browser, platform, lti.launchUrl());
        Date exp = Date.from(Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.SECONDS));
        Map<String, String> claim = new HashMap<>();
        claim.put("user_id", "lti11-user-42");
        claim.put("oauth_consumer_key", KEY);
        claim.put("base", String.join("&", KEY, platform.deploymentId, platform.issuer, platform.clientId,
                Long.toString(exp.getTime() / 1000), login.nonce()));
        edit.edit(claim);
        claim.remove("base");
        JWTClaimsSet claims = platform.resourceLaunch(login.nonce(), lti.launchUrl())
                .expirationTime(exp)
                .claim("https://purl.imsglobal.org/spec/lti/claim/lti1p1", claim)
                .build();
        return lti.launch(browser, platform.sign(claims), login.state());
    }

    private static String sign(String base, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> linked(String issuer, String sub) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
             PreparedStatement s = c.prepareStatement(
                     "select lti11_user_id from lti_lti1p1_user_link where issuer = ? and sub = ?")) {
            s.setString(1, issuer);
            s.setString(2, sub);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
