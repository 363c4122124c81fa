package org.learninghub.connect.hub.bridge.outbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * This node's first request that reaches the JAX-RS runtime (any path, before matching) begins the outbox rounds:
 * from then on the node also serves its {@code /lti/jwks}, which platforms check the Hub's token requests against
 * (see {@link OutboxWorker}). Afterwards it costs one volatile read per request.
 */
@Provider
@PreMatching
public class OutboxFirstRequest implements ContainerRequestFilter {

    @Inject
    OutboxWorker worker;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!worker.begun()) {
            worker.begin();
        }
    }
}
