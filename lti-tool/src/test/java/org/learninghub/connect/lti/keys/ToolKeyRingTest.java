package org.learninghub.connect.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.settings.LtiSettings;

/** The key ring serves JWKS from a snapshot and signs with a cached key: counted database reads and openings. */
class ToolKeyRingTest {

    /** The table, in memory, counting what the ring asks of it. */
    static class CountingRepository extends ToolKeyRepository {
        final List<ToolKey> rows = new ArrayList<>();
        final Map<String, RSAKey> privates = new ConcurrentHashMap<>();
        final AtomicInteger publicReads = new AtomicInteger();
        final AtomicInteger privateReads = new AtomicInteger();

        @Override
        public synchronized List<ToolKey> publicKeys() {
            publicReads.incrementAndGet();
            return rows.stream().map(k -> new ToolKey(k.key().toPublicJWK(), k.created(), k.activates())).toList();
        }

        @Override
        public Optional<RSAKey> privateKey(String kid) {
            privateReads.incrementAndGet();
            return Optional.ofNullable(privates.get(kid));
        }

        @Override
        public synchronized void add(ToolKey key) {
            rows.add(key);
            privates.put(key.kid(), key.key());
        }
    }

    static final class Settings extends LtiSettings {
        @Override
        public Duration keyRotation() {
            return Duration.ofDays(90);
        }

        @Override
        public Duration keyPublishAhead() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration keyGrace() {
            return Duration.ofDays(7);
        }
    }

    static final class ReadyProtection extends KeyProtection {
        @Override
        public Status status() {
            return new Status(true, "test");
        }
    }

    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    CountingRepository repository;
    ToolKeyRing ring;

    @BeforeEach
    void ring() {
        repository = new CountingRepository();
        ring = newRing(repository);
    }

    ToolKeyRing newRing(CountingRepository repository) {
        ToolKeyRing ring = new ToolKeyRing();
        ring.repository = repository;
        ring.protection = new ReadyProtection();
        ring.settings = new Settings();
        ring.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return ring;
    }

    /** Stores instants as the PostgreSQL driver sends them: rounded half up to microseconds. */
    static final class MicrosecondRepository extends CountingRepository {
        @Override
        public synchronized void add(ToolKey key) {
            super.add(new ToolKey(key.key(), micros(key.created()), micros(key.activates())));
        }

        private static Instant micros(Instant t) {
            return t.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    @Test
    void aKeyMadeAtANanosecondInstantSignsAtThatInstantOnceStoredInMicroseconds() {
        now = Instant.parse("2026-01-01T00:00:00.123456789Z");
        repository = new MicrosecondRepository();
        ring = newRing(repository);
        RSAKey signing = ring.signingKey();
        assertEquals(1, repository.rows.size(), "one key made, not a second one for a first that did not sign");
        assertEquals(repository.rows.get(0).kid(), signing.getKeyID());
    }

    @Test
    void theFirstUseMakesAKeyAndThePublicSetHasNoPrivatePart() {
        Map<String, Object> jwks = ring.publicJwks();
        assertEquals(1, repository.rows.size());
        List<?> keys = (List<?>) jwks.get("keys");
        assertEquals(1, keys.size());
        Map<?, ?> key = (Map<?, ?>) keys.get(0);
        assertEquals(repository.rows.get(0).kid(), key.get("kid"));
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privatePart), privatePart + " published: " + key);
        }
    }

    @Test
    void publicKeyRequestsReadTheSnapshotNotTheDatabase() {
        Map<String, Object> first = ring.publicJwks();
        int reads = repository.publicReads.get();
        for (int i = 0; i < 1000; i++) {
            assertSame(first, ring.publicJwks());
        }
        assertEquals(reads, repository.publicReads.get(), "no database read per request");
        assertEquals(0, repository.privateReads.get(), "the public set needs no private key");
    }

    @Test
    void anotherNodesRotationShowsAfterTheSnapshotLifetime() {
        ring.publicJwks();
        ToolKeyRing otherNode = newRing(repository);
        String kid = otherNode.rotate();
        assertFalse(ring.publicJwks().toString().contains(kid), "within the snapshot's lifetime");
        now = now.plus(ToolKeyRing.SNAPSHOT_TTL).plusSeconds(1);
        assertTrue(ring.publicJwks().toString().contains(kid), "read again after it");
    }

    @Test
    void aRotationOnThisNodeShowsAtOnce() {
        ring.publicJwks();
        String kid = ring.rotate();
        assertTrue(ring.publicJwks().toString().contains(kid));
    }

    @Test
    void theSigningKeyIsReadAndOpenedOncePerKey() {
        ToolKeyRing restarted = newRing(repository);
        ring.publicJwks();
        RSAKey signing = restarted.signingKey();
        for (int i = 0; i < 1000; i++) {
            assertSame(signing, restarted.signingKey());
        }
        assertTrue(signing.isPrivate());
        assertEquals(1, repository.privateReads.get());
    }

    @Test
    void aDueRotationMakesOneSuccessorThatSignsOnlyAfterThePublishAheadPeriod() {
        RSAKey first = ring.signingKey();
        now = now.plus(Duration.ofDays(90)).minus(Duration.ofHours(23));
        ring.publicJwks();
        assertEquals(2, repository.rows.size());
        assertEquals(first.getKeyID(), ring.signingKey().getKeyID(), "the successor is published first");
        now = now.plus(Duration.ofHours(25));
        ring.publicJwks();
        assertEquals(repository.rows.get(1).kid(), ring.signingKey().getKeyID());
        assertEquals(2, repository.rows.size());
    }
}
