package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Hub nodes on one PostgreSQL database, as a scaled-out installation runs: a credential revoked
 * through one node is refused by the other at once, even though the other has just used it; so is an
 * administrator account disabled, or given a new password, through one node.
 */
class TwoNodeRevocationIT {

    @Test
    void aCredentialRevokedOnOneNodeIsRefusedOnTheOther() {
        Map<String, String> env = Map.of(
                "HUB_DB_URL", System.getProperty("hub.test.db.url"),
                "HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"),
                "HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""),
                "HUB_KEYS_SECRET", "it-tool-keys-secret-for-tests-only");
        try (HubProcess a = HubProcess.start(env, HubProcess.logFile("two-node-a").toPath());
             HubProcess b = HubProcess.start(env, HubProcess.logFile("two-node-b").toPath())) {
            XapiCredential credential = XapiCredential.issue(a.client(), "all");
            assertEquals(200, statements(b, credential), "the other node knows the credential");
            int revoked = a.client().send(a.client().admin("/admin/api/trusts/" + credential.trust()
                    + "/credentials/" + credential.key()).DELETE()).statusCode();
            assertEquals(204, revoked);
            assertEquals(401, statements(b, credential), "revoked on one node, refused on the other");

            // Administrator accounts likewise: disabled or given a new password on one node, the other node
            // refuses the old sign-in at once although it has just verified (and cached) it.
            HubClient hubA = a.client();
            String user = "two-node-" + credential.trust().toLowerCase();
            assertEquals(201, hubA.adminPost("/admin/api/accounts", "{\"username\":\"" + user + "\",\"password\":"
                    + "\"first password 1\",\"role\":\"trust-admin\",\"trust\":\"" + credential.trust() + "\"}").statusCode());
            assertEquals(200, account(b, user, "first password 1"), "the other node knows the account");
            assertEquals(200, hubA.adminPost("/admin/api/accounts/" + user + "/disable", "").statusCode());
            assertEquals(401, account(b, user, "first password 1"), "disabled on one node, refused on the other");
            assertEquals(200, hubA.adminPost("/admin/api/accounts/" + user + "/enable", "").statusCode());
            assertEquals(200, account(b, user, "first password 1"));
            assertEquals(200, hubA.adminPost("/admin/api/accounts/" + user + "/password",
                    "{\"password\":\"second password 2\"}").statusCode());
            assertEquals(401, account(b, user, "first password 1"), "reset on one node, the old one refused on the other");
            assertEquals(200, account(b, user, "second password 2"));
        }
    }

    private static int account(HubProcess node, String user, String password) {
        return node.client().send(node.client().request("/admin/api/account")
                .header("Authorization", HubClient.basic(user, password)).GET()).statusCode();
    }

    private static int statements(HubProcess node, XapiCredential credential) {
        return node.client().send(credential.xapi(node.client(), "/xapi/statements?limit=1", "2.0.0").GET())
                .statusCode();
    }
}
