package org.learninghub.connect.hub.bridge.outbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * This node's first request that reaches the JAX-RS runtime (any path, before matching) begins the outbox rounds:
 * from then on the node also serves its {@code /lti/jwks}, which platforms check the Hub's token requests against
 * (see {@link OutboxWorker}). Afterwards it costs one volatile read per request: the filter remembers that the
 * rounds have begun, because asking the worker (an enterprise bean) goes through the container's interceptors,
 * which cost about 4 % of a launch's server time under load (JFR, bench/launches.sh).
 */
@Provider
@PreMatching
public class OutboxFirstRequest implements ContainerRequestFilter {

    @Inject
    OutboxWorker worker;

    /** Set once the worker has begun; it never ends while the application runs. */
    private volatile boolean begun;

    @Override
    public void filter(ContainerRequestContext request) {
        if (begun) {
            return;
        }
        if (!worker.begun()) {
            worker.begin();
        }
        begun = true;
    }
}
