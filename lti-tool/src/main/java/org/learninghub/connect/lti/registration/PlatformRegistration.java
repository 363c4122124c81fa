package org.learninghub.connect.lti.registration;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * @param active          false once an administrator disabled it: nothing launches through it
 * @param platformStorage the registration declares that the platform implements LTI platform storage
 *                        (Client Side postMessages): only then may a launch without the state cookie prove
 *                        its state from there. Never chosen by a login request.
 * @param frameOrigins    LMS page origins, besides the issuer's and the auth URL's, that may frame the tool
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
        boolean active,
        boolean platformStorage,
        List<String> frameOrigins) {

    public PlatformRegistration {
        Objects.requireNonNull(issuer, "issuer is required");
        Objects.requireNonNull(clientId, "clientId is required");
        Objects.requireNonNull(authLoginUrl, "authLoginUrl is required");
        deploymentIds = Set.copyOf(deploymentIds);
        frameOrigins = List.copyOf(Objects.requireNonNullElse(frameOrigins, List.of()));
        accessTokenUrl = Objects.requireNonNullElse(accessTokenUrl, Optional.empty());
        accessTokenAudience = Objects.requireNonNullElse(accessTokenAudience, Optional.empty());
        jwksUrl = Objects.requireNonNullElse(jwksUrl, Optional.empty());
        staticPublicJwk = Objects.requireNonNullElse(staticPublicJwk, Optional.empty());
        if (jwksUrl.isEmpty() && staticPublicJwk.isEmpty()) {
            throw new IllegalArgumentException("a platform registration needs a JWKS URL or a static public key");
        }
    }

    /** A registration without platform storage and without extra frame origins. */
    public PlatformRegistration(long id, long tenantId, String issuer, String clientId, Set<String> deploymentIds,
                                URI authLoginUrl, Optional<URI> accessTokenUrl, Optional<String> accessTokenAudience,
                                Optional<URI> jwksUrl, Optional<String> staticPublicJwk, boolean active) {
        this(id, tenantId, issuer, clientId, deploymentIds, authLoginUrl, accessTokenUrl, accessTokenAudience, jwksUrl,
                staticPublicJwk, active, false, List.of());
    }

    public boolean allowsDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }

    /**
     * The origins whose pages may show the tool in a frame (CSP {@code frame-ancestors}): the platform's
     * issuer and auth URL origins, then the registered extra origins, without duplicates.
     */
    public List<String> frameAncestors() {
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        origins.add(origin(URI.create(issuer)));
        origins.add(origin(authLoginUrl));
        origins.addAll(frameOrigins);
        return List.copyOf(origins);
    }

    /** {@code scheme://host[:port]} of a URL, lower case, as CSP source expressions name a site. */
    static String origin(URI url) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() == -1 ? origin : origin + ":" + url.getPort();
    }
}
