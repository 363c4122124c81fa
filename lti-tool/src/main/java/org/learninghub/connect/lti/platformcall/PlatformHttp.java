package org.learninghub.connect.lti.platformcall;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Sends one platform service call and gives back its 2xx answer, or a typed {@link PlatformCallException}.
 *
 * <ul>
 *   <li>time: connecting is bounded by the connect timeout, each attempt as a whole (headers and body) by the
 *       request timeout, the whole call with its retries by the retry budget;</li>
 *   <li>size: a success body is read up to the limit and refused beyond it, unread;</li>
 *   <li>redirects are never followed (a 3xx is an error): the call carries an access token, and the
 *       registration, not an answer, says where the platform is;</li>
 *   <li>429 and 5xx are retried with exponential backoff and full jitter, never sooner than
 *       {@code Retry-After} asks, up to the attempts and the budget; a wait that would pass the budget is
 *       not started;</li>
 *   <li>a 401 fetches a new access token once and tries again; any other 4xx is a
 *       {@link PlatformRefusedException}.</li>
 * </ul>
 */
public final class PlatformHttp {

    private static final Logger LOG = Logger.getLogger(PlatformHttp.class.getName());
    /** No single backoff step waits longer than this, whatever the attempt number. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient client;
    private final PlatformCallSettings settings;
    private final Clock clock;

    public PlatformHttp(PlatformCallSettings settings) {
        this(settings, Clock.systemUTC());
    }

    PlatformHttp(PlatformCallSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public PlatformCallSettings settings() {
        return settings;
    }

    /** A call without an access token (the token request itself). */
    public PlatformResponse send(PlatformRequest request) {
        return send(request, Optional.empty());
    }

    /** A call with {@code Authorization: Bearer} from {@code token}, refreshed once on a 401. */
    public PlatformResponse send(PlatformRequest request, Optional<BearerToken> token) {
        Instant deadline = clock.instant().plus(settings.retryBudget());
        Optional<String> bearer = token.map(BearerToken::current);
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            HttpResponse<byte[]> response;
            try {
                response = once(request, bearer);
            } catch (IOException | TimeoutException e) {
                String reason = e instanceof TimeoutException
                        ? "no complete answer within " + settings.requestTimeout().toMillis() + " ms"
                        : "cannot reach the platform: " + Excerpt.of(String.valueOf(e.getMessage()));
                if (!request.retryAnyServerError()) {
                    throw new PlatformUnavailableException(describe(request) + ": " + reason, e);
                }
                waitBeforeRetry(request, attempt, Optional.empty(), deadline, reason);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new PlatformResponse(status, response.headers(), response.body());
            }
            if (status == 401 && token.isPresent() && !refreshed) {
                // Security Framework §4.1: the token may have been revoked or expired early; one new one.
                refreshed = true;
                attempt--;
                bearer = Optional.of(token.get().refreshed(bearer.orElseThrow()));
                continue;
            }
            String reason = "HTTP " + status + " " + Excerpt.of(response.body());
            if (status / 100 == 3) {
                throw new PlatformUnavailableException(describe(request) + ": " + reason + " (redirects are not followed)");
            }
            if (retryable(status, request)) {
                Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant());
                waitBeforeRetry(request, attempt, retryAfter, deadline, reason);
                continue;
            }
            if (status / 100 == 4) {
                throw new PlatformRefusedException(status, describe(request) + ": " + reason);
            }
            throw new PlatformUnavailableException(describe(request) + ": " + reason);
        }
    }

    private HttpResponse<byte[]> once(PlatformRequest request, Optional<String> bearer)
            throws IOException, TimeoutException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(settings.requestTimeout())
                .method(request.method(), request.body()
                        .map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        request.accept().ifPresent(a -> builder.header("Accept", a));
        request.contentType().ifPresent(c -> builder.header("Content-Type", c));
        bearer.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), CappedBody.handler(settings.maxResponseBytes()));
        try {
            // The request timeout bounds the wait for headers only; this bounds the body as well.
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PlatformUnavailableException(describe(request) + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PlatformAnswerInvalidException invalid) {
                throw new PlatformAnswerInvalidException(describe(request) + ": " + invalid.getMessage());
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** 429 and 503 always (the platform did not process the request); other 5xx when a repeat is harmless. */
    private static boolean retryable(int status, PlatformRequest request) {
        return status == 429 || status == 503 || (status / 100 == 5 && request.retryAnyServerError());
    }

    private void waitBeforeRetry(PlatformRequest request, int attempt, Optional<Duration> retryAfter,
                                 Instant deadline, String reason) {
        if (attempt >= settings.maxAttempts()) {
            throw new PlatformUnavailableException(describe(request) + ": " + reason + " (gave up after "
                    + attempt + " attempts)");
        }
        Duration jittered = backoff(attempt);
        Duration wait = retryAfter.filter(r -> r.compareTo(jittered) > 0).orElse(jittered);
        if (clock.instant().plus(wait).isAfter(deadline)) {
            throw new PlatformUnavailableException(describe(request) + ": " + reason + " (waiting another "
                    + wait.toMillis() + " ms would pass the retry budget of " + settings.retryBudget().toSeconds() + " s)");
        }
        LOG.fine(() -> describe(request) + ": " + reason + "; attempt " + (attempt + 1) + " in " + wait.toMillis() + " ms");
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnavailableException(describe(request) + ": interrupted while waiting to retry", e);
        }
    }

    /** Exponential (base × 2^(attempt−1), at most {@link #MAX_BACKOFF}) with full jitter over its upper half. */
    Duration backoff(int attempt) {
        long base = settings.retryBase().toMillis();
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(attempt - 1, 20));
        if (ceiling <= 1) {
            return Duration.ofMillis(ceiling);
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static String describe(PlatformRequest request) {
        return request.method() + " " + Excerpt.of(request.uri().toString());
    }
}
