package org.learninghub.connect.lti.launch;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Fetches a platform's JWKS from exactly the registered URL: bounded connect and read timeouts, a size limit
 * enforced while reading, and no redirects. A keyset URL that answers 3xx is an error the platform's
 * administrator must fix in the registration; following it would let whoever controls the answer point the
 * tool at another address (an internal one, or a keyset of their choosing).
 */
final class KeysetRetriever extends DefaultResourceRetriever {

    KeysetRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
    }

    @Override
    protected HttpURLConnection openConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openConnection(url);
        // HttpURLConnection follows same-protocol redirects unless told not to; a 3xx then fails as "HTTP 3xx".
        connection.setInstanceFollowRedirects(false);
        return connection;
    }
}
