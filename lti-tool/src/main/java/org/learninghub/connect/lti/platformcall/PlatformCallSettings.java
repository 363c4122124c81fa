package org.learninghub.connect.lti.platformcall;

import java.time.Duration;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * How far the tool goes for one platform service call. Keys {@code hub.lti.services.*}, defaults below,
 * listed in {@code src/docs/lti.md}.
 *
 * @param connectTimeout   to open the connection
 * @param requestTimeout   one attempt, from sending to the last byte of the answer
 * @param maxResponseBytes an answer body longer than this is refused, unread beyond it
 * @param maxAttempts      attempts of one call on 5xx/429, the first included
 * @param retryBudget      total time one call may spend, attempts and waits between them included
 * @param retryBase        the first backoff; each next one doubles, with full jitter
 * @param tokenRefreshMargin an access token is fetched again this long before the platform said it expires
 * @param maxPages         pages followed through {@code Link: rel="next"} for one listing
 */
public record PlatformCallSettings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes,
                                   int maxAttempts, Duration retryBudget, Duration retryBase,
                                   Duration tokenRefreshMargin, int maxPages) {

    public static final String CONNECT_TIMEOUT = "hub.lti.services.connect.timeout.millis";
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final String REQUEST_TIMEOUT = "hub.lti.services.request.timeout.millis";
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 15_000;
    public static final String MAX_RESPONSE_BYTES = "hub.lti.services.max.response.bytes";
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
    public static final String MAX_ATTEMPTS = "hub.lti.services.retry.max.attempts";
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final String RETRY_BUDGET = "hub.lti.services.retry.budget.seconds";
    public static final int DEFAULT_RETRY_BUDGET_SECONDS = 60;
    public static final String RETRY_BASE = "hub.lti.services.retry.base.millis";
    public static final int DEFAULT_RETRY_BASE_MILLIS = 500;
    public static final String TOKEN_REFRESH_MARGIN = "hub.lti.services.token.refresh.margin.seconds";
    public static final int DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS = 60;
    public static final String MAX_PAGES = "hub.lti.services.max.pages";
    public static final int DEFAULT_MAX_PAGES = 100;

    public PlatformCallSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout is required");
        Objects.requireNonNull(requestTimeout, "requestTimeout is required");
        Objects.requireNonNull(retryBudget, "retryBudget is required");
        Objects.requireNonNull(retryBase, "retryBase is required");
        Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin is required");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || retryBudget.isNegative() || retryBase.isNegative()
                || tokenRefreshMargin.isNegative()) {
            throw new IllegalArgumentException("platform call timeouts must be positive");
        }
        if (maxResponseBytes < 1024 || maxAttempts < 1 || maxPages < 1) {
            throw new IllegalArgumentException(
                    "platform calls need at least 1 KiB of answer, one attempt and one page");
        }
    }

    /** Every setting at its default. */
    public static PlatformCallSettings defaults() {
        return new PlatformCallSettings(Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS),
                Duration.ofMillis(DEFAULT_REQUEST_TIMEOUT_MILLIS), DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_ATTEMPTS,
                Duration.ofSeconds(DEFAULT_RETRY_BUDGET_SECONDS), Duration.ofMillis(DEFAULT_RETRY_BASE_MILLIS),
                Duration.ofSeconds(DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS), DEFAULT_MAX_PAGES);
    }

    /** The settings as MicroProfile Config has them, each missing one at its default. */
    public static PlatformCallSettings from(Config config) {
        return new PlatformCallSettings(
                Duration.ofMillis(value(config, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_MILLIS)),
                Duration.ofMillis(value(config, REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT_MILLIS)),
                value(config, MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES),
                value(config, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS),
                Duration.ofSeconds(value(config, RETRY_BUDGET, DEFAULT_RETRY_BUDGET_SECONDS)),
                Duration.ofMillis(value(config, RETRY_BASE, DEFAULT_RETRY_BASE_MILLIS)),
                Duration.ofSeconds(value(config, TOKEN_REFRESH_MARGIN, DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS)),
                value(config, MAX_PAGES, DEFAULT_MAX_PAGES));
    }

    private static int value(Config config, String key, int defaultValue) {
        return config.getOptionalValue(key, Integer.class).orElse(defaultValue);
    }
}
