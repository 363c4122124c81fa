package org.learninghub.connect.lti.login;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a node deletes expired rows (login states, used nonces): at most once per interval, not on every login
 * or launch. Each delete is a transaction of its own, so on every request it cost a commit (a disk flush) and a
 * scan of the live rows, about a third of a launch's database time under load. Expired rows are never
 * trusted in the meantime: readers check the expiry themselves.
 */
public final class Housekeeping {

    private final long intervalMillis;
    private final AtomicLong next = new AtomicLong();

    public Housekeeping(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** True for exactly one caller per interval: the one that should delete now. */
    public boolean due(Instant now) {
        long due = next.get();
        long at = now.toEpochMilli();
        return at >= due && next.compareAndSet(due, at + intervalMillis);
    }
}
