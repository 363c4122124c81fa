package org.learninghub.connect.hub.admin;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.learninghub.connect.hub.security.SignInBusy;

/**
 * At most one bcrypt check per core at a time: a flood of sign-in attempts queues here, briefly, and
 * is then turned away ({@link SignInBusy}) instead of taking every core from the requests that are working.
 */
final class PasswordChecks {

    static final long WAIT_MILLIS = 2_000;

    private final Semaphore permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    boolean matches(String password, String hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusy();
        }
        if (!acquired) {
            throw new SignInBusy();
        }
        try {
            return PasswordHasher.matches(password, hash);
        } finally {
            permits.release();
        }
    }
}
