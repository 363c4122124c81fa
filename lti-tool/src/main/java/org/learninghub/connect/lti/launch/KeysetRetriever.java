package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.util.AbstractRestrictedResourceRetriever;
import com.nimbusds.jose.util.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a platform's JWKS from exactly the registered URL, bounded in every way a launch waiting for it
 * needs:
 * <ul>
 *   <li>no redirects: a keyset URL that answers 3xx is an error the platform's administrator must fix in
 *       the registration; following it would let whoever controls the answer point the tool at another
 *       address (an internal one, or a keyset of their choosing);</li>
 *   <li>time: the connect timeout bounds connecting, the read timeout bounds the wait for the answer, and
 *       the whole fetch (connecting, headers and body) is cut off at their sum, so a server trickling its
 *       answer a byte at a time cannot hold the launch for longer. Cutting off aborts the exchange and
 *       closes the connection: {@code HttpURLConnection} could do neither reliably (its {@code disconnect()}
 *       waited for the reading thread's lock, then handed the half-read connection to the JDK's keep-alive
 *       cleaner, which drained it at the server's pace);</li>
 *   <li>size: at most the size limit is read, and a longer answer is an error.</li>
 * </ul>
 */
final class KeysetRetriever extends AbstractRestrictedResourceRetriever {

    /**
     * One client (one selector thread) per connect timeout, shared by every registration's retriever:
     * a thread per registration would grow with the number of platforms.
     */
    private static final Map<Integer, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    KeysetRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        if (connectTimeoutMillis <= 0 || readTimeoutMillis <= 0 || sizeLimitBytes <= 0) {
            throw new IllegalArgumentException("keyset fetches need positive timeouts and a size limit");
        }
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        if (!"https".equals(url.getProtocol()) && !"http".equals(url.getProtocol())) {
            throw new IOException("a keyset URL must be http(s)");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI())
                    .timeout(Duration.ofMillis(getReadTimeout()))
                    .header("Accept", "application/json, application/jwk-set+json")
                    .GET()
                    .build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the keyset URL is not a valid URI", e);
        }
        long bound = (long) getConnectTimeout() + getReadTimeout();
        CompletableFuture<HttpResponse<byte[]>> exchange = client(getConnectTimeout())
                .sendAsync(request, answer -> new LimitedBody(answer.statusCode() / 100 == 2 ? getSizeLimit() : -1));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(bound, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancelling aborts the exchange and closes its connection (Java 16 and later).
            exchange.cancel(true);
            throw new IOException("no complete keyset within " + bound + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the keyset", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new IOException("HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        return new Resource(new String(response.body(), StandardCharsets.UTF_8),
                response.headers().firstValue("Content-Type").orElse(null));
    }

    private static HttpClient client(int connectTimeoutMillis) {
        return CLIENTS.computeIfAbsent(connectTimeoutMillis, millis -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(millis))
                .followRedirects(HttpClient.Redirect.NEVER)
                // The same proxy settings HttpURLConnection honoured (http.proxyHost, http.nonProxyHosts).
                .proxy(ProxySelector.getDefault())
                // Plain HTTP/1.1: no h2c upgrade offered to platform servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /**
     * Collects a 2xx body up to the size limit and fails as soon as it is exceeded, while reading. Any
     * other answer's body is not read at all (limit -1): the connection is dropped and the status is
     * the error.
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (limit < 0) {
                subscription.cancel();
                result.complete(new byte[0]);
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if ((long) body.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the keyset is larger than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                body.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
