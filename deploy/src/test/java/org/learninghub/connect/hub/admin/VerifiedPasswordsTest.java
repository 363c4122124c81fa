package org.learninghub.connect.hub.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private final VerifiedPasswords cache = new VerifiedPasswords(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void anEntryHoldsOnlyForTheStoredHashItWasVerifiedAgainst() {
        cache.add("alice", "$2a$12$old", "old password");
        assertTrue(cache.contains("alice", "$2a$12$old", "old password"));
        // Another node changed the password: the row now holds a new hash, and the old password misses.
        assertFalse(cache.contains("alice", "$2a$12$new", "old password"));
        assertFalse(cache.contains("alice", "$2a$12$old", "other password"));
        assertFalse(cache.contains("bob", "$2a$12$old", "old password"));
    }

    @Test
    void forgettingAnAccountDropsItsEntries() {
        cache.add("alice", "$2a$12$h", "pw");
        cache.add("bob", "$2a$12$h", "pw");
        cache.forget("alice");
        assertFalse(cache.contains("alice", "$2a$12$h", "pw"));
        assertTrue(cache.contains("bob", "$2a$12$h", "pw"));
    }
}
