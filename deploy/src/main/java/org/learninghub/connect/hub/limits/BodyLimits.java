package org.learninghub.connect.hub.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** The configured size limit of each {@link BodyFamily}, read once at start. */
@ApplicationScoped
public class BodyLimits {

    @Inject
    Config config;

    private final Map<BodyFamily, Long> bytes = new EnumMap<>(BodyFamily.class);

    @PostConstruct
    void read() {
        for (BodyFamily family : BodyFamily.values()) {
            long limit = family.key().flatMap(k -> config.getOptionalValue(k, Long.class)).orElse(family.defaultBytes());
            if (limit < 1) {
                throw new IllegalStateException(family.key().orElseThrow() + " must be a positive number of bytes, not "
                        + limit);
            }
            bytes.put(family, limit);
        }
    }

    public long bytes(BodyFamily family) {
        return bytes.get(family);
    }
}
