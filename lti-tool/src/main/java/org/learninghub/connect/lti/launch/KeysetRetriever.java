package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a platform's JWKS from exactly the registered URL, bounded in every way a launch waiting for it
 * needs:
 * <ul>
 *   <li>no redirects: a keyset URL that answers 3xx is an error the platform's administrator must fix in
 *       the registration; following it would let whoever controls the answer point the tool at another
 *       address (an internal one, or a keyset of their choosing);</li>
 *   <li>time: the connect and read timeouts bound each step, and the whole fetch (connecting, headers and
 *       body) is cut off at their sum, so a server trickling its answer a byte at a time, each byte inside
 *       the read timeout, cannot hold the launch for longer;</li>
 *   <li>size: at most the size limit is read, and a longer answer is an error.</li>
 * </ul>
 */
final class KeysetRetriever extends DefaultResourceRetriever {

    KeysetRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        if (connectTimeoutMillis <= 0 || readTimeoutMillis <= 0 || sizeLimitBytes <= 0) {
            throw new IllegalArgumentException("keyset fetches need positive timeouts and a size limit");
        }
    }

    @Override
    protected HttpURLConnection openConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openConnection(url);
        // HttpURLConnection follows same-protocol redirects unless told not to.
        connection.setInstanceFollowRedirects(false);
        return connection;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        if (!"https".equals(url.getProtocol()) && !"http".equals(url.getProtocol())) {
            throw new IOException("a keyset URL must be http(s)");
        }
        HttpURLConnection connection = openConnection(url);
        connection.setConnectTimeout(getConnectTimeout());
        connection.setReadTimeout(getReadTimeout());
        long bound = (long) getConnectTimeout() + getReadTimeout();
        AtomicBoolean cutOff = new AtomicBoolean();
        // Closing the connection from another thread ends a read that is still waiting for the next byte.
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            cutOff.set(true);
            connection.disconnect();
        }, CompletableFuture.delayedExecutor(bound, TimeUnit.MILLISECONDS));
        try {
            int status = connection.getResponseCode();
            if (status < 200 || status > 299) {
                throw new IOException("HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] body = in.readNBytes(getSizeLimit() + 1);
                if (body.length > getSizeLimit()) {
                    throw new IOException("the keyset is larger than " + getSizeLimit() + " bytes");
                }
                return new Resource(new String(body, StandardCharsets.UTF_8), connection.getContentType());
            }
        } catch (IOException e) {
            throw cutOff.get() ? new IOException("no complete keyset within " + bound + " ms", e) : e;
        } finally {
            watchdog.cancel(false);
            connection.disconnect();
        }
    }
}
