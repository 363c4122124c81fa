package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the tool's private keys sealed under the configured secret ({@link ToolKeySecrets}).
 *
 * <p>At start-up, {@link #prepare()} derives the sealing key once and checks it against the stored check
 * value. If the secret is new (an operator set one, or replaced it and named the old one as previous), every
 * stored key is opened with the old secret and sealed again under the new one, in one transaction that also
 * replaces the salt and check value; keys stored in the clear or in the older unsalted form are sealed too.
 * If no configured secret opens the keys, the tool keys are unavailable, with a reason the readiness check
 * reports, rather than failing later at the first signature.
 *
 * <p>The protection row is locked ({@code select … for update}) while keys are re-sealed or added, so two
 * nodes never seal under different secrets at once; a node whose secret no longer opens the check value
 * (another node moved to a new secret) refuses to seal or open instead of writing keys no one else can read.
 */
@ApplicationScoped
public class KeyProtection {

    /** A private key sealed under the installation's {@link SealingKey}. */
    public static final String SEALED = "PBKDF2_A256GCM";
    /** Sealed by earlier versions under the unsalted SHA-256 of the secret; re-sealed at start-up. */
    public static final String LEGACY_SEALED = "JWE_A256GCM";
    /** Stored in the clear by earlier versions without a secret; sealed at start-up. */
    public static final String PLAIN = "NONE";

    /** The reason reported until {@link #prepare()} has run. */
    public static final String NOT_CHECKED = "the tool keys have not been checked yet (start-up)";

    private static final Logger LOG = Logger.getLogger(KeyProtection.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether the tool keys can be used, and if not, what the operator must do. */
    public record Status(boolean ready, String reason) {
        static Status notReady(String reason) {
            return new Status(false, reason);
        }
    }

    private record Stored(String kdf, Base64URL salt, int iterations, String checkValue) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ToolKeySecrets secrets;

    private final AtomicReference<SealingKey> sealing = new AtomicReference<>();
    private volatile Status status = Status.notReady(NOT_CHECKED);

    public Status status() {
        return status;
    }

    /**
     * Checks the configured secret against the stored keys and re-seals them if the secret is new. Called
     * once at start-up; the outcome is {@link #status()}.
     */
    public Status prepare() {
        Optional<KeySecret> current = secrets.current();
        if (current.isEmpty()) {
            return fail(secrets.missingReason());
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Status outcome;
                    try {
                        outcome = prepare(c, current.get(), secrets.previous());
                    } catch (UnopenableKey e) {
                        outcome = Status.notReady(e.getMessage());
                    }
                    if (outcome.ready()) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                    return outcome.ready() ? (status = outcome) : fail(outcome.reason());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // Two nodes protecting an installation for the first time both insert row 1: one loses, retries.
                if (attempt >= 2) {
                    throw new IllegalStateException("cannot check the tool keys' protection", e);
                }
            }
        }
    }

    private Status prepare(Connection c, KeySecret current, List<KeySecret> previous) throws SQLException {
        Optional<Stored> stored = lockStored(c);
        if (stored.isPresent()) {
            SealingKey key = derive(current, stored.get());
            if (key.opens(stored.get().checkValue())) {
                List<KeySecret> openers = new ArrayList<>(previous);
                openers.add(0, current);
                int resealed = resealOlderForms(c, key, openers);
                sealing.set(key);
                LOG.info(() -> "Tool keys are sealed under " + current.source()
                        + (resealed > 0 ? "; " + resealed + " stored in an older form sealed again" : ""));
                return new Status(true, "sealed under " + current.source());
            }
            for (KeySecret old : previous) {
                SealingKey oldKey = derive(old, stored.get());
                if (oldKey.opens(stored.get().checkValue())) {
                    SealingKey fresh = SealingKey.fresh(current, RANDOM);
                    int resealed = reseal(c, fresh, oldKey, previous);
                    writeStored(c, fresh, true);
                    sealing.set(fresh);
                    LOG.info(() -> resealed + " tool keys sealed again: from " + old.source() + " to " + current.source()
                            + ". Once every node runs with " + current.source() + ", remove " + old.source() + ".");
                    return new Status(true, "sealed under " + current.source());
                }
            }
            return Status.notReady(current.source() + " does not open the stored tool keys"
                    + (previous.isEmpty() ? "" : ", nor does " + sources(previous))
                    + ". If the secret was changed, set hub.keys.secret.previous (HUB_KEYS_SECRET_PREVIOUS) to the one"
                    + " the keys were stored under, and hub.keys.secret to the new one.");
        }
        // First start with protection: keys stored in the clear or in the older form (or none yet).
        SealingKey fresh = SealingKey.fresh(current, RANDOM);
        List<KeySecret> openers = new ArrayList<>(previous);
        openers.add(0, current);
        int sealed = resealOlderForms(c, fresh, openers);
        writeStored(c, fresh, false);
        sealing.set(fresh);
        LOG.info(() -> "Tool key protection set up under " + current.source()
                + (sealed > 0 ? "; " + sealed + " stored keys sealed" : ""));
        return new Status(true, "sealed under " + current.source());
    }

    /** Seals a new private key for storing, inside the caller's transaction (which this locks against re-sealing). */
    String seal(Connection c, RSAKey privateKey) throws SQLException {
        SealingKey key = usableKey();
        Stored stored = lockStored(c).orElseThrow(() -> new ToolKeysUnavailable("the tool key protection is not set up"));
        if (!stored.salt().equals(key.salt()) || !key.opens(stored.checkValue())) {
            throw unavailable("another node sealed the tool keys under a different secret; restart this node with"
                    + " the same hub.keys.secret as the others");
        }
        return key.seal(privateKey);
    }

    /** A stored private key, opened. */
    RSAKey open(String stored, String protection) {
        if (PLAIN.equals(protection)) {
            try {
                return RSAKey.parse(stored);
            } catch (ParseException e) {
                throw new IllegalStateException("a stored tool key is not a JWK", e);
            }
        }
        if (!SEALED.equals(protection)) {
            throw new ToolKeysUnavailable("a tool key is stored in a form this version does not open: " + protection);
        }
        try {
            return usableKey().open(stored);
        } catch (ToolKeysUnavailable e) {
            throw e;
        } catch (IllegalStateException e) {
            throw unavailable("the configured secret no longer opens the stored tool keys (another node re-sealed them"
                    + " under a different secret); restart this node with the same hub.keys.secret as the others");
        }
    }

    /**
     * Seals another secret the tool keeps at rest (an LTI 1.1 shared secret, table
     * {@code lti_lti1p1_consumer}); such rows are sealed again with the tool keys when the secret changes.
     */
    public String sealSecret(String secret) {
        return usableKey().sealText(secret);
    }

    /** A secret sealed by {@link #sealSecret}. */
    public String openSecret(String sealed) {
        try {
            return usableKey().openText(sealed);
        } catch (ToolKeysUnavailable e) {
            throw e;
        } catch (IllegalStateException e) {
            throw unavailable("the configured secret no longer opens the stored LTI 1.1 secrets; restart this node"
                    + " with the same hub.keys.secret as the others");
        }
    }

    private SealingKey usableKey() {
        SealingKey key = sealing.get();
        if (key == null || !status.ready()) {
            throw new ToolKeysUnavailable(status.reason());
        }
        return key;
    }

    private ToolKeysUnavailable unavailable(String reason) {
        status = Status.notReady(reason);
        LOG.severe(() -> "Tool keys unavailable: " + reason);
        return new ToolKeysUnavailable(reason);
    }

    private Status fail(String reason) {
        status = Status.notReady(reason);
        LOG.severe(() -> "Tool keys unavailable: " + reason);
        return status;
    }

    private static SealingKey derive(KeySecret secret, Stored stored) {
        if (!SealingKey.KDF.equals(stored.kdf())) {
            throw new IllegalStateException("unknown key derivation " + stored.kdf());
        }
        return SealingKey.derive(secret, stored.salt(), stored.iterations());
    }

    private static Optional<Stored> lockStored(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select kdf, salt, iterations, check_value from lti_key_protection where id = 1 for update");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(rs.getString(1), new Base64URL(rs.getString(2)), rs.getInt(3), rs.getString(4)));
        }
    }

    private static void writeStored(Connection c, SealingKey key, boolean exists) throws SQLException {
        String sql = exists
                ? "update lti_key_protection set kdf = ?, salt = ?, iterations = ?, check_value = ?, updated = ? where id = 1"
                : "insert into lti_key_protection (kdf, salt, iterations, check_value, updated, id) values (?, ?, ?, ?, ?, 1)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, SealingKey.KDF);
            s.setString(2, key.salt().toString());
            s.setInt(3, key.iterations());
            s.setString(4, key.checkValue());
            s.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** Every key sealed under {@code oldKey} (and any in an older form) sealed again under {@code fresh}. */
    private static int reseal(Connection c, SealingKey fresh, SealingKey oldKey, List<KeySecret> legacyOpeners)
            throws SQLException {
        int count = 0;
        for (Row row : rows(c)) {
            RSAKey key = SEALED.equals(row.protection()) ? openSealed(row, oldKey) : openOlderForm(row, legacyOpeners);
            update(c, row.kid(), fresh.seal(key));
            count++;
        }
        resealSecrets(c, fresh, oldKey);
        return count;
    }

    /** The other secrets sealed under {@code oldKey} (LTI 1.1 shared secrets), sealed again under {@code fresh}. */
    private static void resealSecrets(Connection c, SealingKey fresh, SealingKey oldKey) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select registration_id, secret from lti_lti1p1_consumer for update");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] row : rows) {
            String secret;
            try {
                secret = oldKey.openText(row[1]);
            } catch (IllegalStateException e) {
                throw new UnopenableKey("the LTI 1.1 secret of registration " + row[0] + " is sealed under another"
                        + " secret than the installation's check value says");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update lti_lti1p1_consumer set secret = ? where registration_id = ?")) {
                s.setString(1, fresh.sealText(secret));
                s.setLong(2, Long.parseLong(row[0]));
                s.executeUpdate();
            }
        }
    }

    /** Keys stored in the clear or in the unsalted form, sealed under {@code key}; sealed ones stay. */
    private static int resealOlderForms(Connection c, SealingKey key, List<KeySecret> openers) throws SQLException {
        int count = 0;
        for (Row row : rows(c)) {
            if (!SEALED.equals(row.protection())) {
                update(c, row.kid(), key.seal(openOlderForm(row, openers)));
                count++;
            }
        }
        return count;
    }

    private static RSAKey openSealed(Row row, SealingKey key) {
        try {
            return key.open(row.privateJwk());
        } catch (IllegalStateException e) {
            throw new UnopenableKey("stored tool key " + row.kid() + " is sealed under another secret than the"
                    + " installation's check value says");
        }
    }

    private static RSAKey openOlderForm(Row row, List<KeySecret> openers) {
        if (PLAIN.equals(row.protection())) {
            try {
                return RSAKey.parse(row.privateJwk());
            } catch (ParseException e) {
                throw new IllegalStateException("stored tool key " + row.kid() + " is not a JWK", e);
            }
        }
        if (LEGACY_SEALED.equals(row.protection())) {
            for (KeySecret secret : openers) {
                Optional<RSAKey> key = LegacySealing.open(row.privateJwk(), secret);
                if (key.isPresent()) {
                    return key.get();
                }
            }
            throw new UnopenableKey("stored tool key " + row.kid() + " was encrypted under a secret that none of "
                    + sources(openers) + " is; set hub.keys.secret.previous (HUB_KEYS_SECRET_PREVIOUS) to that secret");
        }
        throw new IllegalStateException("stored tool key " + row.kid() + " has an unknown protection " + row.protection());
    }

    private record Row(String kid, String privateJwk, String protection) {
    }

    private static List<Row> rows(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select kid, private_jwk, protection from lti_tool_key for update");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }

    private static void update(Connection c, String kid, String sealed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update lti_tool_key set private_jwk = ?, protection = ? where kid = ?")) {
            s.setString(1, sealed);
            s.setString(2, SEALED);
            s.setString(3, kid);
            s.executeUpdate();
        }
    }

    private static String sources(List<KeySecret> secrets) {
        return String.join(", ", secrets.stream().map(KeySecret::source).toList());
    }

    /** A stored key no configured secret opens. */
    private static final class UnopenableKey extends RuntimeException {
        UnopenableKey(String message) {
            super(message);
        }
    }
}
