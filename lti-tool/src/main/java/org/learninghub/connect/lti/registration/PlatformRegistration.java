package org.learninghub.connect.lti.registration;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One LMS platform registered with the tool (LTI Core 1.3 §3.1.3 "Tool deployment"): the platform's issuer
 * and the client_id it gave the tool, the deployments it may launch from, and where to send and verify
 * OIDC messages. The platform's keys come from {@code jwksUrl} or, failing that, one static public JWK.
 *
 * @param id           the store's identifier
 * @param tenantId     the owner, opaque to the tool
 * @param active       false once an administrator disabled it: nothing launches through it
 */
public record PlatformRegistration(
        long id,
        long tenantId,
        String issuer,
        String clientId,
        Set<String> deploymentIds,
        URI authLoginUrl,
        Optional<URI> accessTokenUrl,
        Optional<String> accessTokenAudience,
        Optional<URI> jwksUrl,
        Optional<String> staticPublicJwk,
        boolean active) {

    public PlatformRegistration {
        Objects.requireNonNull(issuer, "issuer is required");
        Objects.requireNonNull(clientId, "clientId is required");
        Objects.requireNonNull(authLoginUrl, "authLoginUrl is required");
        deploymentIds = Set.copyOf(deploymentIds);
        accessTokenUrl = Objects.requireNonNullElse(accessTokenUrl, Optional.empty());
        accessTokenAudience = Objects.requireNonNullElse(accessTokenAudience, Optional.empty());
        jwksUrl = Objects.requireNonNullElse(jwksUrl, Optional.empty());
        staticPublicJwk = Objects.requireNonNullElse(staticPublicJwk, Optional.empty());
        if (jwksUrl.isEmpty() && staticPublicJwk.isEmpty()) {
            throw new IllegalArgumentException("a platform registration needs a JWKS URL or a static public key");
        }
    }

    public boolean allowsDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }
}
