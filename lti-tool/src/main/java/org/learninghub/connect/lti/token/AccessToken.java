package org.learninghub.connect.lti.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;

/**
 * An access token from a platform's token endpoint (RFC 6749 §5.1) and when the tool stops using it.
 *
 * @param refreshAt the token is fetched again from this moment: shortly before the platform said it expires
 */
public record AccessToken(String value, String scope, Instant refreshAt) {

    /** Used when the platform does not say how long its token lives (RFC 6749 §5.1 only recommends it). */
    static final Duration LIFETIME_WITHOUT_EXPIRES_IN = Duration.ofSeconds(60);
    static final int MAX_TOKEN_LENGTH = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    public AccessToken {
        Objects.requireNonNull(value);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(refreshAt);
    }

    public boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    /**
     * Reads a token answer: {@code access_token} (a non-blank string), {@code token_type} Bearer (any case),
     * {@code expires_in} (positive seconds, optional). The refresh margin is at most half the lifetime, so a
     * short-lived token is still used for a while.
     */
    static AccessToken parse(byte[] body, String requestedScope, Duration margin, Instant now) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw invalid("not a JSON object");
        }
        JsonNode token = answer.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank() || token.asText().length() > MAX_TOKEN_LENGTH) {
            throw invalid("access_token is missing, not a string or too long");
        }
        JsonNode type = answer.get("token_type");
        if (type == null || !type.isTextual() || !type.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
            throw invalid("token_type is not Bearer");
        }
        Duration lifetime = LIFETIME_WITHOUT_EXPIRES_IN;
        JsonNode expiresIn = answer.get("expires_in");
        if (expiresIn != null && !expiresIn.isNull()) {
            if (!expiresIn.canConvertToLong() || !expiresIn.isIntegralNumber() || expiresIn.asLong() <= 0) {
                throw invalid("expires_in is not a positive number of seconds");
            }
            lifetime = Duration.ofSeconds(Math.min(expiresIn.asLong(), Duration.ofDays(1).toSeconds()));
        }
        Duration halfLife = lifetime.dividedBy(2);
        Duration used = lifetime.minus(margin.compareTo(halfLife) > 0 ? halfLife : margin);
        JsonNode granted = answer.get("scope");
        String scope = granted != null && granted.isTextual() ? granted.asText() : requestedScope;
        return new AccessToken(token.asText(), scope, now.plus(used));
    }

    private static PlatformAnswerInvalidException invalid(String reason) {
        return new PlatformAnswerInvalidException("the token endpoint's answer is invalid: " + reason);
    }

    @Override
    public String toString() {
        // Never the token itself: records print their fields, and this one may reach a log.
        return "AccessToken[scope=" + scope + ", refreshAt=" + refreshAt + "]";
    }
}
