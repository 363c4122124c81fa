package org.learninghub.connect.hub.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * The trusts' LRS credentials as a Jakarta Security identity store. Asked first: a credential check is
 * one indexed read and a SHA-256 (the secrets are 256-bit random), far cheaper than an administrator's bcrypt.
 */
@ApplicationScoped
public class LrsIdentityStore implements IdentityStore {

    /** Keys are 24 hex characters and secrets 43 base64url ones; anything much longer is no credential. */
    static final int MAX_LENGTH = 128;

    @Inject
    LrsCredentials credentials;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String key = up.getCaller();
        String secret = up.getPasswordAsString();
        if (key.isEmpty() || key.length() > MAX_LENGTH || secret.length() > MAX_LENGTH) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return credentials.authenticate(key, secret)
                .map(p -> new CredentialValidationResult(new LrsCaller(p), Set.of(HubRoles.LRS)))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        return 10;
    }
}
