package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every forged or broken launch is refused with a clear 4xx error page and no launch (the launch handler's
 * page never appears), each after a real login in a real browser session.
 */
class LtiAttackMatrixIT extends HubIT {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    LtiSteps lti;
    TestPlatform platform;
    Browser browser;
    LtiSteps.Login login;

    @BeforeEach
    void logIn() {
        lti = new LtiSteps(base);
        platform = lti.registeredPlatform();
        browser = new Browser();
        login = lti.login(browser, platform, lti.launchUrl());
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(platform.resourceLaunch(login.nonce(), lti.launchUrl())).build();
    }

    /** Refused with a 4xx error page and no launch. Returns the page. */
    String refused(String idToken, int status) {
        HttpResponse<String> response = lti.launch(browser, idToken, login.state());
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("This LTI request was refused"), response.body());
        assertFalse(response.body().contains("Hub launch received"));
        return response.body();
    }

    @Test
    void badSignature() {
        var impostor = new com.nimbusds.jose.jwk.RSAKey.Builder(TestPlatform.newKey())
                .keyID(platform.signingKey().getKeyID()).build();
        refused(TestPlatform.sign(claims(c -> c), impostor), 401);
    }

    @Test
    void unknownKidWithNoMatchingKey() {
        refused(TestPlatform.sign(claims(c -> c), TestPlatform.newKey()), 401);
    }

    @Test
    void algNone() {
        assertTrue(refused(new PlainJWT(claims(c -> c)).serialize(), 401).contains("not signed"));
    }

    @Test
    void hs256WithThePublicKeyAsSecret() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.signingKey().getKeyID()).build(),
                claims(c -> c));
        jwt.sign(new MACSigner(platform.signingKey().toRSAPublicKey().getEncoded()));
        assertTrue(refused(jwt.serialize(), 401).contains("only RS256"));
    }

    @Test
    void expiredToken() {
        refused(platform.sign(claims(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))))), 401);
    }

    @Test
    void issuedAtInTheFuture() {
        assertTrue(refused(platform.sign(claims(c -> c.issueTime(Date.from(Instant.now().plusSeconds(600))))), 401)
                .contains("iat"));
    }

    @Test
    void wrongAudience() {
        refused(platform.sign(claims(c -> c.audience("another-tool"))), 401);
    }

    @Test
    void multipleAudiencesWithoutCorrectAzp() {
        refused(platform.sign(claims(c -> c.audience(List.of(platform.clientId, "another-tool")))), 401);
        LtiSteps.Login again = lti.login(browser, platform, lti.launchUrl());
        login = again;
        refused(platform.sign(claims(c -> c.audience(List.of(platform.clientId, "another-tool")).claim("azp", "another-tool"))), 401);
    }

    @Test
    void unknownDeployment() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "deployment_id", "not-registered"))), 400)
                .contains("deployment_id"));
    }

    @Test
    void missingVersion() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "version", null))), 400).contains("version"));
    }

    @Test
    void wrongVersion() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "version", "1.1.0"))), 400).contains("version"));
    }

    @Test
    void missingMessageType() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "message_type", null))), 400).contains("message_type"));
    }

    @Test
    void missingResourceLink() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "resource_link", null))), 400).contains("resource_link"));
    }

    @Test
    void missingRoles() {
        assertTrue(refused(platform.sign(claims(c -> c.claim(LTI + "roles", null))), 400).contains("roles"));
    }

    @Test
    void missingNonce() {
        refused(platform.sign(claims(c -> c.claim("nonce", null))), 401);
    }

    @Test
    void replayedToken() {
        String idToken = platform.sign(claims(c -> c));
        assertEquals(200, lti.launch(browser, idToken, login.state()).statusCode());
        refused(idToken, 400);
    }

    @Test
    void aNonceSeenOnceCannotBeUsedAgain() {
        // A verified token that fails the LTI checks still uses its nonce up (database, not memory).
        refused(platform.sign(claims(c -> c.claim(LTI + "deployment_id", "not-registered"))), 400);
        assertTrue(refused(platform.sign(claims(c -> c)), 401).contains("replay"));
    }

    @Test
    void stateMismatch() {
        Browser victim = new Browser();
        LtiSteps.Login victimLogin = lti.login(victim, platform, lti.launchUrl());
        // The attacker's browser posts a token for the victim's login: its cookie is for another state.
        HttpResponse<String> response = lti.launch(browser,
                platform.sign(platform.resourceLaunch(victimLogin.nonce(), lti.launchUrl()).build()), victimLogin.state());
        assertEquals(401, response.statusCode(), response.body());
        assertFalse(response.body().contains("Hub launch received"));
    }

    @Test
    void idTokenWithoutALogin() {
        HttpResponse<String> response = lti.launch(new Browser(), platform.sign(claims(c -> c)), "no-such-state");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("No login started this launch"), response.body());
    }

    @Test
    void garbageAndMissingFields() {
        refused("definitely-not-a-jwt", 400);
        HttpResponse<String> empty = browser.post(lti.launchUrl(), java.util.Map.of("state", login.state()));
        assertEquals(400, empty.statusCode(), empty.body());
    }

    /**
     * Login CSRF through platform storage: whoever starts a login must not be able to switch the storage
     * path on for a registration that did not declare it. Such a login answers with the cookie redirect
     * only, and a launch arriving without that cookie (another browser) is refused: no page offering to
     * check platform storage, no one-time proof.
     */
    @Test
    void theLoginCannotTurnOnPlatformStorageForARegistrationWithoutIt() {
        Browser attacker = new Browser();
        HttpResponse<String> started = attacker.get(lti.loginUri(platform, lti.launchUrl(),
                Map.of("lti_storage_target", "_parent")));
        assertEquals(302, started.statusCode(), started.body());
        assertFalse(started.body().contains("lti.put_data"), started.body());
        Map<String, String> params = Browser.query(URI.create(started.headers().firstValue("Location").orElseThrow()));
        String idToken = platform.sign(platform.resourceLaunch(params.get("nonce"), lti.launchUrl()).build());

        HttpResponse<String> inVictimsBrowser = lti.launch(new Browser(), idToken, params.get("state"));
        assertEquals(401, inVictimsBrowser.statusCode(), inVictimsBrowser.body());
        assertFalse(inVictimsBrowser.body().contains("lti_storage_proof"), inVictimsBrowser.body());
        assertFalse(inVictimsBrowser.body().contains("lti.get_data"), inVictimsBrowser.body());
        assertFalse(inVictimsBrowser.body().contains("Hub launch received"));
    }

    /** A keyset URL that redirects is an error: the tool fetches exactly the registered URL, nothing it points to. */
    @Test
    void aKeysetRedirectIsNotFollowed() {
        try (TestPlatform moved = TestPlatform.start()) {
            moved.registerRedirectUri(lti.launchUrl());
            lti.register(lti.newTrust(), moved, Map.of("jwksUrl", moved.movedJwksUrl().toString()));
            Browser b = new Browser();
            LtiSteps.Login l = lti.login(b, moved, lti.launchUrl());
            HttpResponse<String> response = lti.launch(b,
                    moved.sign(moved.resourceLaunch(l.nonce(), lti.launchUrl()).build()), l.state());
            assertEquals(502, response.statusCode(), response.body());
            assertFalse(response.body().contains("Hub launch received"));
            assertEquals(0, moved.jwksFetches.get(), "the redirect's target was fetched");
        }
    }

    /**
     * What went wrong fetching the keyset (the keyset URL, its status, its reason phrase or body, network
     * errors) stays out of the tool's pages: it is logged for the administrator, not shown to users.
     */
    @Test
    void keysetFetchErrorsDoNotShowRemoteContent() {
        try (TestPlatform hostile = TestPlatform.start()) {
            hostile.registerRedirectUri(lti.launchUrl());
            lti.register(lti.newTrust(), hostile, Map.of("jwksUrl", hostile.hostileJwksUrl().toString()));
            Browser b = new Browser();
            LtiSteps.Login l = lti.login(b, hostile, lti.launchUrl());
            HttpResponse<String> response = lti.launch(b,
                    hostile.sign(hostile.resourceLaunch(l.nonce(), lti.launchUrl()).build()), l.state());
            assertEquals(502, response.statusCode(), response.body());
            assertTrue(response.body().contains("keys could not be fetched"), response.body());
            assertFalse(response.body().contains(TestPlatform.HOSTILE_MARKER), response.body());
            assertFalse(response.body().contains(hostile.hostileJwksUrl().getAuthority()), response.body());
            assertFalse(response.body().contains("503"), response.body());
        }
    }
}
