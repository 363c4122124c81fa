package org.learninghub.connect.hub.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.learninghub.connect.lti.keys.KeyProtection;

/**
 * Ready only when the LTI tool's private keys can be used: a secret is configured (or generated, on the
 * embedded database) and opens the stored keys. DOWN names what the operator must set.
 */
@Readiness
@ApplicationScoped
public class ToolKeysReadiness implements HealthCheck {

    static final String NAME = "tool-keys";

    @Inject
    KeyProtection protection;

    @Override
    public HealthCheckResponse call() {
        KeyProtection.Status status = protection.status();
        return HealthCheckResponse.named(NAME).status(status.ready()).withData("reason", status.reason()).build();
    }
}
