package org.learninghub.connect.hub.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.learninghub.connect.hub.security.AdminCaller;

/**
 * Administrator accounts as a Jakarta Security identity store: the groups are the account's role
 * ({@code hub-admin} or {@code trust-admin}). An unknown user name costs the same bcrypt check as a known
 * one (against a dummy hash), so timing does not tell which names exist.
 *
 * <p>The account's row is read on every request (the persistence unit keeps no shared cache), so a
 * disabled account, a new role or a new password holds at once on every node. Only the bcrypt check is
 * cached ({@link VerifiedPasswords}), keyed by the stored hash too: a new password has a new hash, so no
 * node's cache can let the old password in.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    /** Longer passwords are refused unchecked: bcrypt reads only 72 bytes, and length is no secret. */
    static final int MAX_PASSWORD_LENGTH = 128;
    static final int MAX_USERNAME_LENGTH = 100;

    @Inject
    AdminUsers adminUsers;

    private final VerifiedPasswords verified = new VerifiedPasswords(Clock.systemUTC());
    private final PasswordChecks checks = new PasswordChecks();

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = up.getCaller();
        String password = up.getPasswordAsString();
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<AdminUsers.SignIn> account = adminUsers.signIn(username);
        if (account.isEmpty()) {
            checks.matches(password, DummyHash.VALUE);
            return CredentialValidationResult.INVALID_RESULT;
        }
        AdminUsers.SignIn a = account.get();
        if (!passwordMatches(a, password)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // Checked after the password, so a disabled account answers like a wrong password, in the same time.
        if (a.disabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(new AdminCaller(a.username(), a.role().group(), a.trust()),
                Set.of(a.role().group()));
    }

    /** Whether this password is the account's current one (bcrypt, or a recent verification of the same hash). */
    boolean passwordMatches(AdminUsers.SignIn account, String password) {
        if (verified.contains(account.username(), account.passwordHash(), password)) {
            return true;
        }
        if (!checks.matches(password, account.passwordHash())) {
            return false;
        }
        verified.add(account.username(), account.passwordHash(), password);
        return true;
    }

    /** Whether this is the current password of this account, whether or not it is disabled. */
    public boolean isCurrentPassword(String username, String password) {
        if (password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        return adminUsers.signIn(username).map(a -> passwordMatches(a, password)).orElse(false);
    }

    /** Drops this node's cache entries of an account whose password or status just changed (memory only). */
    void forget(String username) {
        verified.forget(username);
    }

    @Override
    public int priority() {
        return 20;
    }

    /** Made on first use, at the real cost, so a miss costs what a hit costs. */
    private static final class DummyHash {
        static final String VALUE = PasswordHasher.hash("not a password anyone has " + System.nanoTime());
    }
}
