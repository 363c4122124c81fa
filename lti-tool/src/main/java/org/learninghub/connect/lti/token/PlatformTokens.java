package org.learninghub.connect.lti.token;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.learninghub.connect.lti.platformcall.BearerToken;
import org.learninghub.connect.lti.platformcall.PlatformHttp;
import org.learninghub.connect.lti.platformcall.PlatformRequest;
import org.learninghub.connect.lti.platformcall.ServiceNotGrantedException;
import org.learninghub.connect.lti.registration.PlatformRegistration;

/**
 * Access tokens for a registration's services, fetched with the client_credentials grant and a signed
 * client assertion (Security Framework §4.1) and cached per registration (its client_id, token URL and
 * audience included, so an edited registration gets a new token) and scope set, until shortly before they
 * expire.
 *
 * <p>One fetch serves every concurrent caller of the same key: the first installs a future, the others
 * wait for it. A failed fetch is not cached. The cache is node-local: each node of a cluster fetches its own
 * token (platforms issue as many as asked), so no node ever serves a token another node saw refused.
 */
public final class PlatformTokens {

    static final String GRANT_TYPE = "client_credentials";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private record Key(long registrationId, String clientId, URI tokenUrl, String audience, String scope) {
    }

    private final Supplier<RSAKey> signingKey;
    private final PlatformHttp http;
    private final Clock clock;
    private final Map<Key, CompletableFuture<AccessToken>> cache = new ConcurrentHashMap<>();

    /** @param signingKey the tool's current signing key (the key ring's, in the server) */
    public PlatformTokens(Supplier<RSAKey> signingKey, PlatformHttp http, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey);
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A token source for calls of this registration needing these scopes. */
    public BearerToken bearer(PlatformRegistration registration, Collection<String> scopes) {
        Key key = key(registration, scopes);
        return new BearerToken() {
            @Override
            public String current() {
                return obtain(key, Optional.empty()).value();
            }

            @Override
            public String refreshed(String rejected) {
                return obtain(key, Optional.of(rejected)).value();
            }
        };
    }

    /** The cached token for these scopes, or a new one. */
    public AccessToken token(PlatformRegistration registration, Collection<String> scopes) {
        return obtain(key(registration, scopes), Optional.empty());
    }

    private Key key(PlatformRegistration registration, Collection<String> scopes) {
        URI tokenUrl = registration.accessTokenUrl().orElseThrow(() -> new ServiceNotGrantedException(
                "registration " + registration.id() + " has no access token URL"));
        if (scopes.isEmpty()) {
            throw new ServiceNotGrantedException("no scope to ask the platform for");
        }
        String audience = registration.accessTokenAudience().filter(a -> !a.isBlank()).orElse(tokenUrl.toString());
        // OAuth scope is a set (RFC 6749 §3.3): one order, so equal sets share a token.
        String scope = String.join(" ", new TreeSet<>(scopes));
        return new Key(registration.id(), registration.clientId(), tokenUrl, audience, scope);
    }

    private AccessToken obtain(Key key, Optional<String> rejected) {
        while (true) {
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            CompletableFuture<AccessToken> current = cache.compute(key,
                    (k, existing) -> existing != null && usable(existing, rejected) ? existing : mine);
            if (current == mine) {
                try {
                    AccessToken token = fetch(key);
                    mine.complete(token);
                    return token;
                } catch (RuntimeException e) {
                    cache.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            AccessToken token;
            try {
                token = current.join();
            } catch (CompletionException e) {
                // The fetch this caller waited for failed: the same failure, not a second fetch.
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            if (token.usableAt(clock.instant()) && !rejected.map(token.value()::equals).orElse(false)) {
                return token;
            }
        }
    }

    /** A fetch under way, or a token that is neither near its expiry nor the one the platform refused. */
    private boolean usable(CompletableFuture<AccessToken> entry, Optional<String> rejected) {
        if (!entry.isDone()) {
            return true;
        }
        if (entry.isCompletedExceptionally()) {
            return false;
        }
        AccessToken token = entry.join();
        return token.usableAt(clock.instant()) && !rejected.map(token.value()::equals).orElse(false);
    }

    private AccessToken fetch(Key key) {
        String assertion = ClientAssertion.signed(key.clientId(), key.audience(), signingKey.get(), clock.instant());
        String form = "grant_type=" + encode(GRANT_TYPE)
                + "&client_assertion_type=" + encode(ASSERTION_TYPE)
                + "&client_assertion=" + encode(assertion)
                + "&scope=" + encode(key.scope());
        PlatformRequest request = PlatformRequest.send("POST", key.tokenUrl(), "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII), Optional.of("application/json"), true);
        return AccessToken.parse(http.send(request).body(), key.scope(), http.settings().tokenRefreshMargin(),
                clock.instant());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
