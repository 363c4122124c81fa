package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Hub nodes on one PostgreSQL database, as a scaled-out installation runs: a credential revoked
 * through one node is refused by the other at once, even though the other has just used it.
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
        }
    }

    private static int statements(HubProcess node, XapiCredential credential) {
        return node.client().send(credential.xapi(node.client(), "/xapi/statements?limit=1", "2.0.0").GET())
                .statusCode();
    }
}
