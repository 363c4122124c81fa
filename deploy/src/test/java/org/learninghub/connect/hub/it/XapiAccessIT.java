package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** LRS credentials issued through the admin API, and the xAPI rules every request meets first. */
class XapiAccessIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aboutNeedsNeitherVersionNorCredentialsAndListsBothVersions() throws Exception {
        HttpResponse<String> about = new HubClient(base).get("/xapi/about");
        assertEquals(200, about.statusCode());
        JsonNode versions = JSON.readTree(about.body()).get("version");
        assertTrue(versions.toString().contains("1.0.3") && versions.toString().contains("2.0.0"), about.body());
        assertTrue(about.headers().firstValue("X-Experience-API-Version").isPresent());
    }

    @Test
    void issuedCredentialWorksUntilRevoked() throws Exception {
        HubClient hub = new HubClient(base);
        XapiCredential credential = XapiCredential.issue(hub, "all");
        assertTrue(credential.endpoint().endsWith("/xapi/"), credential.endpoint());

        // Authenticated and versioned: the request reaches the resource layer (the path itself may not exist).
        HttpResponse<String> known = hub.send(credential.xapi(hub, "/xapi/about", "2.0.0").GET());
        assertEquals(200, known.statusCode());
        assertEquals("2.0.0", known.headers().firstValue("X-Experience-API-Version").orElse(""));

        HttpResponse<String> list = hub.send(hub.admin("/admin/api/trusts/" + credential.trust() + "/credentials").GET());
        assertTrue(list.body().contains(credential.key()), list.body());
        assertFalse(list.body().contains(credential.secret()), "secrets are shown once only");

        assertEquals(204, hub.send(hub.admin("/admin/api/trusts/" + credential.trust() + "/credentials/" + credential.key())
                .DELETE()).statusCode());
        HttpResponse<String> revoked = hub.send(credential.xapi(hub, "/xapi/statements", "1.0.3").GET());
        assertEquals(401, revoked.statusCode(), revoked.body());
        assertTrue(revoked.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void versionHeaderIsRequiredAndChecked() throws Exception {
        HubClient hub = new HubClient(base);
        XapiCredential credential = XapiCredential.issue(hub, "all");
        HttpResponse<String> missing = hub.send(hub.request("/xapi/statements")
                .header("Authorization", credential.authorization()).GET());
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals("X-Experience-API-Version", JSON.readTree(missing.body()).get("path").asText());

        HttpResponse<String> unsupported = hub.send(credential.xapi(hub, "/xapi/statements", "0.95").GET());
        assertEquals(400, unsupported.statusCode());
        assertTrue(unsupported.body().contains("0.95"), unsupported.body());
    }

    @Test
    void wrongSecretAndMissingCredentialsAre401() throws Exception {
        HubClient hub = new HubClient(base);
        XapiCredential credential = XapiCredential.issue(hub, "statements/read");
        HttpResponse<String> wrong = hub.send(hub.request("/xapi/statements")
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", HubClient.basic(credential.key(), credential.secret() + "x")).GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> none = hub.send(hub.request("/xapi/statements")
                .header("X-Experience-API-Version", "1.0.3").GET());
        assertEquals(401, none.statusCode());
    }

    @Test
    void badCredentialRequestsNameTheField() {
        HubClient hub = new HubClient(base);
        String trust = XapiCredential.newTrust(hub);
        HttpResponse<String> badScope = hub.adminPost("/admin/api/trusts/" + trust + "/credentials",
                "{\"name\":\"x\",\"scopes\":[\"all\",\"everything\"]}");
        assertEquals(400, badScope.statusCode());
        assertTrue(badScope.body().contains("scopes[1]"), badScope.body());
        HttpResponse<String> noTrust = hub.adminPost("/admin/api/trusts/NOSUCH9/credentials",
                "{\"name\":\"x\",\"scopes\":[\"all\"]}");
        assertEquals(404, noTrust.statusCode());
    }

    @Test
    void corsPreflightIsAnsweredWithoutCredentials() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> preflight = hub.send(hub.request("/xapi/statements")
                .header("Origin", "https://content.example.org")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,x-experience-api-version,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals("https://content.example.org", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Experience-API-Version"));
    }
}
