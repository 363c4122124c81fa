package org.learninghub.connect.lti.registration.dynamic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two calls a dynamic registration makes to the platform (read its configuration, post the tool's
 * registration), bounded the way the keyset fetches are: each goes to exactly the URL given (a 3xx is an
 * error, never followed: whoever answers could otherwise point the tool at another address); connecting and
 * each read are bounded by the timeout and the whole exchange by twice it (a server trickling its answer
 * cannot hold the request longer); at most {@code sizeLimit} bytes are read and a longer answer is an error.
 */
final class RegistrationHttp {

    /** What the platform answered: the status and the body as text (bounded). */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status <= 299;
        }
    }

    private final int timeoutMillis;
    private final int sizeLimit;

    RegistrationHttp(int timeoutMillis, int sizeLimit) {
        if (timeoutMillis <= 0 || sizeLimit <= 0) {
            throw new IllegalArgumentException("outbound calls need a positive timeout and size limit");
        }
        this.timeoutMillis = timeoutMillis;
        this.sizeLimit = sizeLimit;
    }

    Answer get(URI url) throws IOException {
        return exchange(url, Optional.empty(), Optional.empty());
    }

    /** POSTs a JSON body, with {@code Authorization: Bearer <token>} when a token is given. */
    Answer postJson(URI url, String json, Optional<String> bearer) throws IOException {
        return exchange(url, Optional.of(json), bearer);
    }

    private Answer exchange(URI url, Optional<String> json, Optional<String> bearer) throws IOException {
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IOException("only http(s) URLs are called");
        }
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        connection.setRequestProperty("Accept", "application/json");
        long bound = 2L * timeoutMillis;
        AtomicBoolean cutOff = new AtomicBoolean();
        // Closing the connection from another thread ends a read still waiting for the next byte.
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            cutOff.set(true);
            connection.disconnect();
        }, CompletableFuture.delayedExecutor(bound, TimeUnit.MILLISECONDS));
        try {
            if (json.isPresent()) {
                byte[] body = json.get().getBytes(StandardCharsets.UTF_8);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/json");
                bearer.ifPresent(token -> connection.setRequestProperty("Authorization", "Bearer " + token));
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status / 100 == 3) {
                throw new IOException("HTTP " + status + " (redirects are not followed)");
            }
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (stream == null) {
                return new Answer(status, "");
            }
            try (InputStream in = stream) {
                byte[] body = in.readNBytes(sizeLimit + 1);
                if (body.length > sizeLimit) {
                    throw new IOException("the answer is larger than " + sizeLimit + " bytes");
                }
                return new Answer(status, new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw cutOff.get() ? new IOException("no complete answer within " + bound + " ms", e) : e;
        } finally {
            watchdog.cancel(false);
            connection.disconnect();
        }
    }
}
