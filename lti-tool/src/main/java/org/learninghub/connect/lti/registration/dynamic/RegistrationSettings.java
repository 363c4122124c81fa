package org.learninghub.connect.lti.registration.dynamic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Settings of dynamic registration, with their MicroProfile Config keys and defaults. */
@ApplicationScoped
public class RegistrationSettings {

    public static final String LINK_DAYS = "hub.lti.registration.link.days";
    public static final int DEFAULT_LINK_DAYS = 7;
    public static final String HTTP_TIMEOUT = "hub.lti.registration.http.timeout.millis";
    public static final int DEFAULT_HTTP_TIMEOUT_MILLIS = 5000;
    /** Most bytes read of a platform's configuration or registration answer. */
    public static final int MAX_ANSWER_BYTES = 256 * 1024;

    @Inject
    Config config;

    /** How long a registration link works after it was issued (at least one day, at most 90). */
    public Duration linkValidity() {
        int days = config.getOptionalValue(LINK_DAYS, Integer.class).orElse(DEFAULT_LINK_DAYS);
        return Duration.ofDays(Math.max(1, Math.min(90, days)));
    }

    public int httpTimeoutMillis() {
        int millis = config.getOptionalValue(HTTP_TIMEOUT, Integer.class).orElse(DEFAULT_HTTP_TIMEOUT_MILLIS);
        return Math.max(100, millis);
    }
}
