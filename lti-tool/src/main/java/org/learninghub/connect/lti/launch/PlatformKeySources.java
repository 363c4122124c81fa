package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * The platforms' public keys, one Nimbus {@link JWKSource} per registration: the JWKS is cached, fetched
 * again when a token names a kid the cache lacks (so platform key rotation needs no restart), and refetches
 * are rate-limited so tokens with made-up kids cannot make the tool hammer the platform. Each fetch goes to
 * the registered URL only (no redirects), within {@code hub.lti.jwks.http.timeout.millis} for connecting and
 * for reading, and reads at most {@link #JWKS_SIZE_LIMIT} bytes ({@link KeysetRetriever}).
 */
@ApplicationScoped
public class PlatformKeySources {

    /** JWKS documents larger than this are refused. */
    static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private record Cached(String where, JWKSource<SecurityContext> source) {
    }

    private final Map<Long, Cached> sources = new ConcurrentHashMap<>();

    @Inject
    LtiSettings settings;

    public JWKSource<SecurityContext> forRegistration(PlatformRegistration registration) {
        // An administrator may change the JWKS URL or key: the cached source is kept only while it matches.
        String where = registration.jwksUrl().map(Object::toString).orElse("")
                + "|" + registration.staticPublicJwk().orElse("");
        return sources.compute(registration.id(), (id, cached) ->
                cached != null && cached.where().equals(where) ? cached : new Cached(where, build(registration)))
                .source();
    }

    private JWKSource<SecurityContext> build(PlatformRegistration registration) {
        if (registration.jwksUrl().isEmpty()) {
            try {
                return new ImmutableJWKSet<>(new JWKSet(JWK.parse(registration.staticPublicJwk().orElseThrow())));
            } catch (ParseException e) {
                throw new IllegalStateException("registration " + registration.id() + " has an unreadable key", e);
            }
        }
        int timeout = settings.jwksHttpTimeoutMillis();
        long ttl = Math.max(1000, settings.jwksCacheTtl().toMillis());
        // Nimbus requires the rate-limit interval to be shorter than the cache lifetime.
        long interval = Math.min(settings.jwksRefetchInterval().toMillis(), ttl / 2);
        try {
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(
                            registration.jwksUrl().get().toURL(),
                            new KeysetRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
                    .cache(ttl, timeout)
                    .retrying(false)
                    .outageTolerant(false);
            builder = interval > 0 ? builder.rateLimited(interval) : builder.rateLimited(false);
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("registration " + registration.id() + " has a bad JWKS URL", e);
        }
    }
}
