package org.learninghub.connect.hub.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified administrator credentials, so a script's burst of requests pays for bcrypt once.
 * The cache holds a keyed hash (HMAC-SHA256 under a key made at start and never stored) of user name
 * and password, never the password: a heap dump does not give the password away.
 *
 * <p>The key also covers the stored bcrypt hash the password was verified against. Every password change
 * stores a new hash (new salt), so after a change on any node the old password's entries on every node no
 * longer match the row they read, and it goes back to a bcrypt check against the new hash, which fails.
 */
final class VerifiedPasswords {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 1_000;

    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Entry(String username, Instant expires) {
    }

    VerifiedPasswords(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    boolean contains(String username, String storedHash, String password) {
        Entry e = verified.get(digest(username, storedHash, password));
        return e != null && e.username().equals(username) && clock.instant().isBefore(e.expires());
    }

    void add(String username, String storedHash, String password) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(e -> !now.isBefore(e.expires()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(digest(username, storedHash, password), new Entry(username, clock.instant().plus(TTL)));
    }

    /** Forgets every entry of this administrator (after a password change or when disabled). */
    void forget(String username) {
        verified.values().removeIf(e -> e.username().equals(username));
    }

    private String digest(String username, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
