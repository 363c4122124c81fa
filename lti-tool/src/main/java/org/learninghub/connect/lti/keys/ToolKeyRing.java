package org.learninghub.connect.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * The tool's keys as the rest of the tool uses them: the key that signs now and the public set to publish.
 *
 * <p>Requests read an immutable {@link Snapshot} of the key ring's public parts: no lock, no database read
 * and no decryption per {@code /lti/jwks} request. The snapshot is read again after {@link #SNAPSHOT_TTL}
 * (so a rotation on another node shows here within that time; new keys are published a day before they
 * sign, so that delay is harmless), at once after a rotation on this node, and when the rotation policy says
 * a key is due; one request thread reads while the others go on with the current snapshot. A private key is
 * read and opened once, by kid, when it first signs, and then kept in memory.
 *
 * <p>Rotation happens on use: when the snapshot is read and the policy says a successor is due, one is made,
 * under a lock taken only then, after reading the ring again (another thread or node may have made it), so
 * no timer is needed and every node agrees, because the keys live in the database.
 */
@ApplicationScoped
public class ToolKeyRing {

    static final int KEY_SIZE = 2048;
    /** How long a node serves its snapshot before reading the key ring again. */
    static final Duration SNAPSHOT_TTL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ToolKeyRing.class.getName());

    @Inject
    ToolKeyRepository repository;

    @Inject
    KeyProtection protection;

    @Inject
    LtiSettings settings;

    Clock clock = Clock.systemUTC();

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Taken only to make a key, never to read one. */
    private final ReentrantLock making = new ReentrantLock();
    private final Map<String, RSAKey> privateKeys = new ConcurrentHashMap<>();

    /** The private key that signs tool messages now. */
    public RSAKey signingKey() {
        Instant now = clock.instant();
        Optional<ToolKey> signing = policy().signing(snapshot(now).keys(), now);
        if (signing.isEmpty()) {
            // No key signs yet (first use): make one and wait for it.
            signing = policy().signing(refresh(now, true).keys(), now);
        }
        if (!protection.status().ready()) {
            throw new ToolKeysUnavailable(protection.status().reason());
        }
        String kid = signing.orElseThrow(() -> new IllegalStateException("no tool key is active")).kid();
        return privateKeys.computeIfAbsent(kid, k -> repository.privateKey(k)
                .orElseThrow(() -> new IllegalStateException("tool key " + k + " is gone")));
    }

    /** The public keys to publish at {@code /lti/jwks}, as a JWK set JSON object; never a private part. */
    public Map<String, Object> publicJwks() {
        Instant now = clock.instant();
        return snapshot(now).jwks(policy(), now);
    }

    /** Every stored key, oldest first, with whether it signs and whether it is published now. */
    public List<ToolKeyStatus> status() {
        Instant now = clock.instant();
        List<ToolKey> keys = refresh(now, true).keys();
        String signing = policy().signing(keys, now).map(ToolKey::kid).orElse("");
        List<String> published = policy().published(keys, now).stream().map(ToolKey::kid).toList();
        return keys.stream()
                .sorted(Comparator.comparing(ToolKey::activates))
                .map(k -> new ToolKeyStatus(k.kid(), k.created(), k.activates(), k.kid().equals(signing),
                        published.contains(k.kid())))
                .toList();
    }

    /**
     * Makes a new key that starts signing after the publish-ahead period, whatever the schedule says: for an
     * operator who wants to rotate now. Returns its kid.
     */
    public String rotate() {
        Instant now = clock.instant();
        making.lock();
        try {
            ToolKey key = generate(now, now.plus(settings.keyPublishAhead()));
            store(key);
            refresh(now, false);
            return key.kid();
        } finally {
            making.unlock();
        }
    }

    /** The snapshot to serve now: the current one, read again by one thread when stale or when a key is due. */
    private Snapshot snapshot(Instant now) {
        Snapshot current = snapshot.get();
        if (current == null) {
            return refresh(now, true);
        }
        boolean due = protection.status().ready() && policy().nextActivation(current.keys(), now).isPresent();
        if ((due || current.olderThan(SNAPSHOT_TTL, now)) && refreshing.compareAndSet(false, true)) {
            try {
                return refresh(now, true);
            } finally {
                refreshing.set(false);
            }
        }
        return current;
    }

    private Snapshot refresh(Instant now, boolean makeIfDue) {
        List<ToolKey> keys = repository.publicKeys();
        if (makeIfDue && protection.status().ready() && policy().nextActivation(keys, now).isPresent()) {
            making.lock();
            try {
                keys = repository.publicKeys();
                Optional<Instant> next = policy().nextActivation(keys, now);
                if (next.isPresent()) {
                    ToolKey key = generate(now, next.get());
                    store(key);
                    LOG.info(() -> "New tool key " + key.kid() + " signs from " + key.activates());
                    keys = repository.publicKeys();
                }
            } finally {
                making.unlock();
            }
        }
        Snapshot fresh = new Snapshot(keys, now);
        snapshot.set(fresh);
        return fresh;
    }

    private void store(ToolKey key) {
        repository.add(key);
        privateKeys.put(key.kid(), key.key());
    }

    private KeyRotationPolicy policy() {
        return new KeyRotationPolicy(settings.keyRotation(), settings.keyPublishAhead(), settings.keyGrace());
    }

    private static ToolKey generate(Instant now, Instant activates) {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            // Databases keep microseconds and the PostgreSQL driver rounds to them: an activation stored from a
            // nanosecond instant may read back after the "now" that made it, and the key made to sign now would
            // not sign ("no tool key is active" on a fresh ring). Truncated, it reads back as written, at or before.
            return new ToolKey(key, now.truncatedTo(ChronoUnit.MICROS), activates.truncatedTo(ChronoUnit.MICROS));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * The key ring's public parts as read at one moment. Immutable but for the memo of the last published
     * set, which is itself immutable and only ever replaced whole.
     */
    static final class Snapshot {

        private record Published(List<String> kids, Map<String, Object> jwks) {
        }

        private final List<ToolKey> keys;
        private final Instant read;
        private volatile Published published;

        Snapshot(List<ToolKey> keys, Instant read) {
            this.keys = keys.stream().map(k -> new ToolKey(k.key().toPublicJWK(), k.created(), k.activates())).toList();
            this.read = read;
        }

        List<ToolKey> keys() {
            return keys;
        }

        boolean olderThan(Duration ttl, Instant now) {
            return read.plus(ttl).isBefore(now);
        }

        /** What is published changes only at key boundaries: the JSON is built once per published set. */
        Map<String, Object> jwks(KeyRotationPolicy policy, Instant now) {
            List<ToolKey> shown = policy.published(keys, now);
            List<String> kids = shown.stream().map(ToolKey::kid).toList();
            Published memo = published;
            if (memo == null || !memo.kids().equals(kids)) {
                List<JWK> jwks = shown.stream().map(k -> (JWK) k.key()).toList();
                memo = new Published(kids, Collections.unmodifiableMap(new JWKSet(jwks).toJSONObject(true)));
                published = memo;
            }
            return memo.jwks();
        }
    }
}
