package org.learninghub.connect.lti.registration.dynamic;

import java.net.URI;
import java.util.Objects;

/** What a successful dynamic registration gives the store: the platform's endpoints and the tool's identity there. */
public record RegisteredPlatform(String issuer, String clientId, String deploymentId, URI authLoginUrl,
                                 URI accessTokenUrl, URI jwksUrl, String productFamilyCode) {

    public RegisteredPlatform {
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(deploymentId);
        Objects.requireNonNull(authLoginUrl);
        Objects.requireNonNull(accessTokenUrl);
        Objects.requireNonNull(jwksUrl);
    }
}
