package org.learninghub.connect.lti.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the LTI tool, with its MicroProfile Config key and default. The keys and defaults are
 * listed in {@code src/docs/lti.md}.
 */
@ApplicationScoped
public class LtiSettings {

    public static final String PUBLIC_URL = "hub.public.url";
    public static final String CLOCK_SKEW = "hub.lti.clock.skew.seconds";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;
    public static final String LOGIN_TTL = "hub.lti.login.ttl.seconds";
    public static final int DEFAULT_LOGIN_TTL_SECONDS = 300;
    public static final String DEEP_LINK_TTL = "hub.lti.deeplink.ttl.seconds";
    public static final int DEFAULT_DEEP_LINK_TTL_SECONDS = 1800;
    public static final String JWKS_CACHE_TTL = "hub.lti.jwks.cache.seconds";
    public static final int DEFAULT_JWKS_CACHE_TTL_SECONDS = 300;
    public static final String JWKS_REFETCH_INTERVAL = "hub.lti.jwks.refetch.interval.seconds";
    public static final int DEFAULT_JWKS_REFETCH_INTERVAL_SECONDS = 30;
    public static final String JWKS_HTTP_TIMEOUT = "hub.lti.jwks.http.timeout.millis";
    public static final int DEFAULT_JWKS_HTTP_TIMEOUT_MILLIS = 5000;
    public static final String KEY_ROTATION = "hub.lti.keys.rotation.days";
    public static final int DEFAULT_KEY_ROTATION_DAYS = 90;
    public static final String KEY_PUBLISH_AHEAD = "hub.lti.keys.publish.ahead.hours";
    public static final int DEFAULT_KEY_PUBLISH_AHEAD_HOURS = 24;
    public static final String KEY_GRACE = "hub.lti.keys.grace.days";
    public static final int DEFAULT_KEY_GRACE_DAYS = 7;
    /** Unset by default: each page may be framed by its registration's LMS origins only. */
    public static final String FRAME_ANCESTORS = "hub.lti.frame.ancestors";

    @Inject
    Config config;

    /** The tool's external base URL, without a trailing slash. */
    public URI publicUrl() {
        String url = config.getOptionalValue(PUBLIC_URL, String.class).orElse("http://localhost:8080");
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public int clockSkewSeconds() {
        return intValue(CLOCK_SKEW, DEFAULT_CLOCK_SKEW_SECONDS);
    }

    public Duration loginTtl() {
        return Duration.ofSeconds(intValue(LOGIN_TTL, DEFAULT_LOGIN_TTL_SECONDS));
    }

    public Duration deepLinkTtl() {
        return Duration.ofSeconds(intValue(DEEP_LINK_TTL, DEFAULT_DEEP_LINK_TTL_SECONDS));
    }

    public Duration jwksCacheTtl() {
        return Duration.ofSeconds(intValue(JWKS_CACHE_TTL, DEFAULT_JWKS_CACHE_TTL_SECONDS));
    }

    public Duration jwksRefetchInterval() {
        return Duration.ofSeconds(intValue(JWKS_REFETCH_INTERVAL, DEFAULT_JWKS_REFETCH_INTERVAL_SECONDS));
    }

    public int jwksHttpTimeoutMillis() {
        return intValue(JWKS_HTTP_TIMEOUT, DEFAULT_JWKS_HTTP_TIMEOUT_MILLIS);
    }

    public Duration keyRotation() {
        return Duration.ofDays(intValue(KEY_ROTATION, DEFAULT_KEY_ROTATION_DAYS));
    }

    public Duration keyPublishAhead() {
        return Duration.ofHours(intValue(KEY_PUBLISH_AHEAD, DEFAULT_KEY_PUBLISH_AHEAD_HOURS));
    }

    public Duration keyGrace() {
        return Duration.ofDays(intValue(KEY_GRACE, DEFAULT_KEY_GRACE_DAYS));
    }

    /**
     * A fixed CSP frame-ancestors source list for every tool page, when an operator set one; otherwise each
     * page names its registration's LMS origins.
     */
    public Optional<String> frameAncestors() {
        return config.getOptionalValue(FRAME_ANCESTORS, String.class).filter(s -> !s.isBlank());
    }

    private int intValue(String key, int defaultValue) {
        return config.getOptionalValue(key, Integer.class).orElse(defaultValue);
    }
}
