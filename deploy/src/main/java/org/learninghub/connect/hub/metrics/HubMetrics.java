package org.learninghub.connect.hub.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.learninghub.connect.xapi.auth.LrsPrincipal;

/**
 * The Hub's counters, in the application registry. Names and meanings are documented in src/docs/operations.md;
 * Prometheus shows them with {@code _} for {@code .} and a {@code _total} suffix.
 */
@ApplicationScoped
public class HubMetrics {

    static final Metadata STORED = Metadata.builder().withName("hub.statements.stored")
            .withDescription("xAPI statements stored for the first time (a statement sent again is not counted)")
            .build();
    static final Metadata REFUSED = Metadata.builder().withName("hub.statements.refused")
            .withDescription("Statement writes (PUT/POST /xapi/statements) the LRS refused with a 4xx after the caller"
                    + " authenticated, by credential key ('launch' for every launch credential)")
            .build();
    static final Metadata LAUNCHES = Metadata.builder().withName("hub.launches")
            .withDescription("LTI launches that started or resumed an attempt at catalogue content")
            .build();
    static final Metadata LOGIN_FAILURES = Metadata.builder().withName("hub.login.failures")
            .withDescription("Sign-ins refused, by kind: password, credential, token, oidc, throttled")
            .build();

    @Inject
    MetricRegistry registry;

    private final CredentialTags credentials = new CredentialTags();

    public void statementsStored(int count) {
        registry.counter(STORED).inc(count);
    }

    public void statementRefused(LrsPrincipal caller) {
        registry.counter(REFUSED, new Tag("credential", credentials.of(caller))).inc();
    }

    public void launched() {
        registry.counter(LAUNCHES).inc();
    }

    public void loginFailed(LoginFailure kind) {
        registry.counter(LOGIN_FAILURES, new Tag("kind", kind.tag())).inc();
    }

    /** Registered at start, so a scrape shows every counter at 0 before its first event. */
    void registerAll() {
        registry.counter(STORED);
        registry.counter(LAUNCHES);
        for (LoginFailure kind : LoginFailure.values()) {
            registry.counter(LOGIN_FAILURES, new Tag("kind", kind.tag()));
        }
    }
}
