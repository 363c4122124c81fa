package org.learninghub.connect.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key protection against the module's real migrations, on an in-memory database. */
class KeyProtectionTest {

    static final AtomicInteger DATABASES = new AtomicInteger();
    static final KeySecret A = new KeySecret("secret A", "first generated secret 0123456789abcdefghij", true);
    static final KeySecret B = new KeySecret("secret B", "second generated secret 0123456789abcdefghij", true);
    static final KeySecret C = new KeySecret("secret C", "third generated secret 0123456789abcdefghij", true);

    JdbcDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("runscript from 'classpath:/db/migration/lti/V1__tool_keys_logins_nonces_deep_links.sql'");
            s.execute("runscript from 'classpath:/db/migration/lti/V2__tool_key_protection.sql'");
            s.execute("runscript from 'classpath:/db/migration/lti/V20__lti1p1_migration.sql'");
        }
    }

    KeyProtection protection(Optional<KeySecret> current, KeySecret... previous) {
        KeyProtection protection = new KeyProtection();
        protection.dataSource = dataSource;
        protection.secrets = new ToolKeySecrets() {
            @Override
            public Optional<KeySecret> current() {
                return current;
            }

            @Override
            public List<KeySecret> previous() {
                return List.of(previous);
            }

            @Override
            public String missingReason() {
                return "HUB_KEYS_SECRET is not set";
            }
        };
        return protection;
    }

    @Test
    void keysStoredInTheClearAreSealedWhenASecretIsFirstSet() throws Exception {
        RSAKey key = SealingKeyTest.generate("plain");
        insert("plain", key.toJSONString(), KeyProtection.PLAIN);
        KeyProtection protection = protection(Optional.of(A));
        assertTrue(protection.prepare().ready());
        Map<String, String[]> rows = rows();
        assertEquals(KeyProtection.SEALED, rows.get("plain")[1]);
        assertFalse(rows.get("plain")[0].contains(key.getPrivateExponent().toString()));
        assertEquals(key, protection.open(rows.get("plain")[0], rows.get("plain")[1]));
    }

    @Test
    void keysInTheOlderUnsaltedFormAreSealedAgain() throws Exception {
        RSAKey key = SealingKeyTest.generate("legacy");
        insert("legacy", legacySeal(key, A.value()), KeyProtection.LEGACY_SEALED);
        // The older form was under A; the operator moves to B and names A as previous.
        KeyProtection protection = protection(Optional.of(B), A);
        assertTrue(protection.prepare().ready());
        String[] row = rows().get("legacy");
        assertEquals(KeyProtection.SEALED, row[1]);
        assertEquals(key, protection.open(row[0], row[1]));
    }

    @Test
    void theSameSecretAgainChangesNothing() throws Exception {
        KeyProtection first = protection(Optional.of(A));
        assertTrue(first.prepare().ready());
        RSAKey key = SealingKeyTest.generate("k");
        add(first, key);
        Map<String, String[]> before = rows();
        KeyProtection again = protection(Optional.of(A));
        assertTrue(again.prepare().ready());
        assertEquals(before.get("k")[0], rows().get("k")[0]);
        assertEquals(key, again.open(rows().get("k")[0], KeyProtection.SEALED));
    }

    @Test
    void aNewSecretWithThePreviousOneReSealsEveryKey() throws Exception {
        KeyProtection underA = protection(Optional.of(A));
        assertTrue(underA.prepare().ready());
        RSAKey k1 = SealingKeyTest.generate("k1");
        RSAKey k2 = SealingKeyTest.generate("k2");
        add(underA, k1);
        add(underA, k2);
        Map<String, String[]> before = rows();

        KeyProtection underB = protection(Optional.of(B), C, A);
        assertTrue(underB.prepare().ready(), underB.status().reason());
        Map<String, String[]> after = rows();
        assertNotEquals(before.get("k1")[0], after.get("k1")[0]);
        assertEquals(k1, underB.open(after.get("k1")[0], KeyProtection.SEALED));
        assertEquals(k2, underB.open(after.get("k2")[0], KeyProtection.SEALED));
        // A alone no longer opens them.
        KeyProtection backToA = protection(Optional.of(A));
        assertFalse(backToA.prepare().ready());
    }

    @Test
    void aNewSecretReSealsTheLti11SecretsToo() throws Exception {
        KeyProtection underA = protection(Optional.of(A));
        assertTrue(underA.prepare().ready());
        add(underA, SealingKeyTest.generate("k1"));
        String sealedUnderA = underA.sealSecret("lti11-shared-secret");
        assertFalse(sealedUnderA.contains("lti11-shared-secret"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into lti_lti1p1_consumer (registration_id, consumer_key, secret, protection, updated)"
                        + " values (7, 'key', ?, 'PBKDF2_A256GCM', current_timestamp)")) {
            s.setString(1, sealedUnderA);
            s.executeUpdate();
        }
        KeyProtection underB = protection(Optional.of(B), A);
        assertTrue(underB.prepare().ready(), underB.status().reason());
        String sealedUnderB;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select secret from lti_lti1p1_consumer where registration_id = 7")) {
            assertTrue(rs.next());
            sealedUnderB = rs.getString(1);
        }
        assertNotEquals(sealedUnderA, sealedUnderB);
        assertEquals("lti11-shared-secret", underB.openSecret(sealedUnderB));
    }

    @Test
    void aSecretThatOpensNothingLeavesTheKeysUnavailableAndUntouched() throws Exception {
        KeyProtection underA = protection(Optional.of(A));
        assertTrue(underA.prepare().ready());
        add(underA, SealingKeyTest.generate("k"));
        Map<String, String[]> before = rows();

        KeyProtection wrong = protection(Optional.of(B), C);
        KeyProtection.Status status = wrong.prepare();
        assertFalse(status.ready());
        assertTrue(status.reason().contains("HUB_KEYS_SECRET_PREVIOUS"), status.reason());
        assertEquals(before.get("k")[0], rows().get("k")[0]);
        assertThrows(ToolKeysUnavailable.class, () -> wrong.open(before.get("k")[0], KeyProtection.SEALED));
    }

    @Test
    void withoutASecretTheKeysAreUnavailableAndTheReasonSaysWhatToSet() {
        KeyProtection none = protection(Optional.empty());
        KeyProtection.Status status = none.prepare();
        assertFalse(status.ready());
        assertTrue(status.reason().contains("HUB_KEYS_SECRET"), status.reason());
        assertThrows(ToolKeysUnavailable.class, () -> add(none, SealingKeyTest.generate("k")));
    }

    @Test
    void aNodeLeftOnTheOldSecretRefusesToSealKeysOthersCouldNotRead() throws Exception {
        KeyProtection oldNode = protection(Optional.of(A));
        assertTrue(oldNode.prepare().ready());
        KeyProtection newNode = protection(Optional.of(B), A);
        assertTrue(newNode.prepare().ready());
        assertThrows(ToolKeysUnavailable.class, () -> add(oldNode, SealingKeyTest.generate("late")));
        assertFalse(rows().containsKey("late"));
        assertFalse(oldNode.status().ready());
    }

    @Test
    void anOperatorSecretIsDerivedWithTheOperatorIterationCount() throws Exception {
        KeySecret operator = new KeySecret("hub.keys.secret", "an operator's passphrase", false);
        assertTrue(protection(Optional.of(operator)).prepare().ready());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select kdf, iterations from lti_key_protection")) {
            assertTrue(rs.next());
            assertEquals(SealingKey.KDF, rs.getString(1));
            assertEquals(KeySecret.OPERATOR_ITERATIONS, rs.getInt(2));
        }
    }

    private void add(KeyProtection protection, RSAKey key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String sealed = protection.seal(c, key);
            insert(c, key.getKeyID(), sealed, KeyProtection.SEALED);
            c.commit();
        }
    }

    private void insert(String kid, String privateJwk, String protection) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insert(c, kid, privateJwk, protection);
        }
    }

    private static void insert(Connection c, String kid, String privateJwk, String protection) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into lti_tool_key (kid, public_jwk, private_jwk, protection,"
                + " created, activates) values (?, '{}', ?, ?, ?, ?)")) {
            s.setString(1, kid);
            s.setString(2, privateJwk);
            s.setString(3, protection);
            s.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
            s.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** kid → {private_jwk, protection}. */
    private Map<String, String[]> rows() throws SQLException {
        Map<String, String[]> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select kid, private_jwk, protection from lti_tool_key")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return rows;
    }

    /** How earlier versions sealed keys: direct AES-256-GCM under the SHA-256 of the secret. */
    private static String legacySeal(RSAKey key, String secret) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).build(), new Payload(key.toJSONObject()));
        jwe.encrypt(new DirectEncrypter(new SecretKeySpec(digest, "AES")));
        return jwe.serialize();
    }
}
