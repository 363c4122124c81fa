package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learninghub.connect.lti.keys.KeyProtection;

/**
 * The tool's private keys are encrypted at rest however the Hub is started: the embedded database gets a
 * generated secret in a file only the server's user can read; PostgreSQL refuses to become ready without
 * {@code HUB_KEYS_SECRET}; a new secret with the old one as {@code HUB_KEYS_SECRET_PREVIOUS} re-encrypts the
 * stored keys; a wrong secret leaves the server not ready rather than unable to sign later.
 */
class ToolKeySecretIT {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseGeneratesASecretOnlyTheServerCanRead() throws Exception {
        Map<String, String> env = Map.of("HUB_DATA_DIR", dataDir.toString());
        List<String> kids;
        try (HubProcess first = HubProcess.start(env, HubProcess.logFile("keys-embedded-first").toPath())) {
            kids = publishedKids(first);
            first.kill();
        }
        Path secret = dataDir.resolve("keys.secret");
        assertTrue(Files.isRegularFile(secret), "a secret is generated under HUB_DATA_DIR");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
        String h2 = "jdbc:h2:file:" + dataDir.resolve("hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(h2, "hub", "hub")) {
            assertEncrypted(privateKeys(c, "public"));
        }
        // The same file opens the same keys after a restart: the server is ready and publishes them.
        try (HubProcess second = HubProcess.start(env, HubProcess.logFile("keys-embedded-second").toPath())) {
            assertEquals(kids, publishedKids(second));
        }
    }

    @Test
    void postgresqlNeedsASecretAndANewSecretReEncryptsTheKeys() throws Exception {
        String schema = "keys_it_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        try {
            String url = System.getProperty("hub.test.db.url");
            Map<String, String> db = Map.of(
                    "HUB_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "HUB_DB_USER", System.getProperty("hub.test.db.user", "postgres"),
                    "HUB_DB_PASSWORD", System.getProperty("hub.test.db.password", ""));

            try (HubProcess none = HubProcess.startUntil(db, HubProcess.logFile("keys-pg-none").toPath(),
                    ToolKeySecretIT::toolKeysReported)) {
                assertNotReady(none, "HUB_KEYS_SECRET");
            }

            String a = "first-secret-of-the-keys-it-0123456789";
            List<String> kids;
            Map<String, String> underA;
            try (HubProcess first = HubProcess.start(with(db, Map.of("HUB_KEYS_SECRET", a)),
                    HubProcess.logFile("keys-pg-a").toPath())) {
                kids = publishedKids(first);
            }
            try (Connection c = postgres()) {
                underA = privateKeys(c, schema);
            }
            assertEncrypted(underA);

            String b = "second-secret-of-the-keys-it-9876543210";
            try (HubProcess second = HubProcess.start(
                    with(db, Map.of("HUB_KEYS_SECRET", b, "HUB_KEYS_SECRET_PREVIOUS", a)),
                    HubProcess.logFile("keys-pg-b").toPath())) {
                assertEquals(kids, publishedKids(second));
            }
            Map<String, String> underB;
            try (Connection c = postgres()) {
                underB = privateKeys(c, schema);
            }
            assertEncrypted(underB);
            assertEquals(underA.keySet(), underB.keySet());
            underA.forEach((kid, sealed) -> assertNotEquals(sealed, underB.get(kid), "key " + kid + " was re-encrypted"));

            try (HubProcess wrong = HubProcess.startUntil(with(db, Map.of("HUB_KEYS_SECRET", a)),
                    HubProcess.logFile("keys-pg-wrong").toPath(), ToolKeySecretIT::toolKeysReported)) {
                assertNotReady(wrong, "HUB_KEYS_SECRET_PREVIOUS");
            }
        } finally {
            try (Connection c = postgres(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** The tool-keys check has run (it is listed, with another reason than "not checked yet"). */
    private static boolean toolKeysReported(HttpResponse<String> ready) {
        return ready.body().contains("\"tool-keys\"") && !ready.body().contains(KeyProtection.NOT_CHECKED);
    }

    private static void assertNotReady(HubProcess hub, String naming) {
        HttpResponse<String> ready = hub.client().get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonNode check = null;
        for (JsonNode c : LtiSteps.json(ready.body()).get("checks")) {
            if ("tool-keys".equals(c.get("name").asText())) {
                check = c;
            }
        }
        assertTrue(check != null && "DOWN".equals(check.get("status").asText()), ready.body());
        assertTrue(check.at("/data/reason").asText().contains(naming), ready.body());
    }

    private static List<String> publishedKids(HubProcess hub) {
        HttpResponse<String> jwks = hub.client().get("/lti/jwks");
        assertEquals(200, jwks.statusCode(), jwks.body());
        List<String> kids = new ArrayList<>();
        LtiSteps.json(jwks.body()).get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        assertFalse(kids.isEmpty(), jwks.body());
        return kids;
    }

    /** kid → the stored private key column; protection is checked on the way. */
    private static Map<String, String> privateKeys(Connection c, String schema) throws SQLException {
        Map<String, String> keys = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select kid, private_jwk, protection from " + schema + ".lti_tool_key")) {
            while (rs.next()) {
                assertNotEquals("NONE", rs.getString(3), "key " + rs.getString(1) + " is stored in the clear");
                keys.put(rs.getString(1), rs.getString(2));
            }
        }
        return keys;
    }

    private static void assertEncrypted(Map<String, String> privateKeys) {
        assertFalse(privateKeys.isEmpty());
        privateKeys.forEach((kid, sealed) -> {
            assertFalse(sealed.contains("\"d\""), "key " + kid + " has a readable private exponent");
            assertEquals(5, sealed.split("\\.", -1).length, "a compact JWE: " + sealed);
        });
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    private static Connection postgres() throws SQLException {
        return DriverManager.getConnection(System.getProperty("hub.test.db.url"),
                System.getProperty("hub.test.db.user", "postgres"), System.getProperty("hub.test.db.password", ""));
    }
}
