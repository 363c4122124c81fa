package org.learninghub.connect.hub.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.learninghub.connect.xapi.auth.Scope;

/** A credential as the admin API shows it; the secret only once, in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialView(String key, String secret, String name, List<String> scopes, String endpoint,
                             Instant created) {

    static CredentialView of(LrsCredential c, String secret, String endpoint) {
        return new CredentialView(c.key(), secret, c.name(), c.scopes().stream().map(Scope::value).toList(),
                endpoint, c.created());
    }
}
