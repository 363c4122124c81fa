package org.learninghub.connect.hub.runtime;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The one JAX-RS application of the Hub. Resources and providers of every module (xAPI, LTI, admin)
 * are discovered by annotation scanning, each under its own top-level path.
 */
@ApplicationPath("/")
public class HubApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Only the Hub's Jackson provider may read and write JSON. The runtime auto-registers JSON-B and
        // Jackson features, and library jars announce providers through META-INF/services; left on,
        // they compete at random with the Hub's configured provider (seen: unknown properties accepted).
        return Map.of(
                "jersey.config.jsonFeature", "HubJsonProvider",
                "jersey.config.disableMetainfServicesLookup", true);
    }
}
