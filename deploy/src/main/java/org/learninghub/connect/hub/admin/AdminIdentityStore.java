package org.learninghub.connect.hub.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.Set;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * Hub administrators as a Jakarta Security identity store. An unknown user name costs the same bcrypt
 * check as a known one (against a dummy hash), so timing does not tell which names exist.
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
        if (verified.contains(username, password)) {
            return valid(username);
        }
        String hash = adminUsers.passwordHashOf(username).orElse(DummyHash.VALUE);
        boolean matches = checks.matches(password, hash);
        if (!matches || hash == DummyHash.VALUE) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        verified.add(username, password);
        return valid(username);
    }

    @Override
    public int priority() {
        return 20;
    }

    private static CredentialValidationResult valid(String username) {
        return new CredentialValidationResult(username, Set.of(HubRoles.HUB_ADMIN));
    }

    /** Made on first use, at the real cost, so a miss costs what a hit costs. */
    private static final class DummyHash {
        static final String VALUE = PasswordHasher.hash("not a password anyone has " + System.nanoTime());
    }
}
