package org.learninghub.connect.hub.runtime;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the database is down, Payara's connection pool logs three warnings with stack traces for every
 * attempt to make a connection (RAR5038, RAR5117, RAR5114): hundreds of lines a second under load,
 * burying everything else. {@link DatabaseOutage} says once what happened instead, so these loggers
 * only pass SEVERE. Set {@code hub.log.pool-warnings=true} to see them again.
 */
final class PoolLogLevels {

    /** Held strongly: the log manager keeps loggers only weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator"),
            Logger.getLogger("javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors"),
            Logger.getLogger("javax.enterprise.resource.resourceadapter.com.sun.gjc.spi"));

    private PoolLogLevels() {
    }

    static void apply() {
        boolean verbose = DatabaseConfigSource.setting("hub.log.pool-warnings").map(Boolean::parseBoolean).orElse(false);
        if (!verbose) {
            QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        }
    }
}
