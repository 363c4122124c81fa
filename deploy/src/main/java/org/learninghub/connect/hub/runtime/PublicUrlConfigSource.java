package org.learninghub.connect.hub.runtime;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Default of {@code hub.public.url}, the external base URL that LTI redirect URIs and xAPI endpoints
 * are built from: {@code http://localhost:<hub.http.port>} until an operator sets it.
 */
public class PublicUrlConfigSource implements ConfigSource {

    public static final String PUBLIC_URL = "hub.public.url";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_URL);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!PUBLIC_URL.equals(propertyName)) {
            return null;
        }
        String port = ConfigProvider.getConfig(PublicUrlConfigSource.class.getClassLoader())
                .getOptionalValue("hub.http.port", String.class).orElse("8080");
        return "http://localhost:" + port;
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "hub-public-url-default";
    }
}
