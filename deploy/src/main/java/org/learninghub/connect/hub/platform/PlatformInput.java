package org.learninghub.connect.hub.platform;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The body of {@code POST} and {@code PUT /admin/api/trusts/{code}/platforms[/{id}]}: what an LMS
 * administrator copies from the platform's tool registration screen. The platform's keys come from
 * {@code jwksUrl} or, for platforms without one, a static RSA public key as a JWK ({@code publicJwk});
 * exactly one of the two. {@code platformStorage} (default false) declares that the platform implements LTI
 * platform storage; {@code frameOrigins} (default none) names LMS page origins, besides those of the issuer
 * and the auth URL, that may show the tool in a frame.
 */
public record PlatformInput(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                            String accessTokenUrl, String accessTokenAudience, String jwksUrl,
                            Map<String, Object> publicJwk, Boolean platformStorage, List<String> frameOrigins) {

    static final int MAX_ID = 255;
    static final int MAX_ISSUER = 500;
    static final int MAX_JWK = 4000;

    public PlatformInput {
        // Security Framework §5.1.2: the issuer is an HTTPS URL with no query or fragment.
        issuer = PlatformUrl.check("issuer", issuer);
        if (issuer.length() > MAX_ISSUER) {
            throw HubProblem.badRequest("issuer", "must be at most " + MAX_ISSUER + " characters");
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_ID) {
            throw HubProblem.badRequest("clientId", "is required, at most " + MAX_ID + " characters");
        }
        if (deploymentIds == null || deploymentIds.isEmpty()) {
            throw HubProblem.badRequest("deploymentIds", "needs at least one deployment id");
        }
        for (String d : deploymentIds) {
            if (d == null || d.isBlank() || d.length() > MAX_ID) {
                throw HubProblem.badRequest("deploymentIds", "each must be 1 to " + MAX_ID + " characters");
            }
        }
        deploymentIds = List.copyOf(new LinkedHashSet<>(deploymentIds));
        authLoginUrl = PlatformUrl.check("authLoginUrl", authLoginUrl);
        accessTokenUrl = PlatformUrl.check("accessTokenUrl", accessTokenUrl);
        accessTokenAudience = accessTokenAudience == null || accessTokenAudience.isBlank() ? null : accessTokenAudience;
        if (accessTokenAudience != null && accessTokenAudience.length() > PlatformUrl.MAX_LENGTH) {
            throw HubProblem.badRequest("accessTokenAudience", "must be at most " + PlatformUrl.MAX_LENGTH + " characters");
        }
        jwksUrl = PlatformUrl.checkOptional("jwksUrl", jwksUrl);
        if ((jwksUrl == null) == (publicJwk == null)) {
            throw HubProblem.badRequest("jwksUrl", "give exactly one of jwksUrl and publicJwk");
        }
        if (publicJwk != null && publicRsaKey(publicJwk).toPublicJWK().toJSONString().length() > MAX_JWK) {
            throw HubProblem.badRequest("publicJwk", "must be at most " + MAX_JWK + " characters as JSON");
        }
        publicJwk = publicJwk == null ? null : Map.copyOf(publicJwk);
        platformStorage = Boolean.TRUE.equals(platformStorage);
        frameOrigins = FrameOrigins.check(frameOrigins);
    }

    /** The fields every registration needs; platform storage off and no extra frame origins. */
    public PlatformInput(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                         String accessTokenUrl, String accessTokenAudience, String jwksUrl, Map<String, Object> publicJwk) {
        this(issuer, clientId, deploymentIds, authLoginUrl, accessTokenUrl, accessTokenAudience, jwksUrl, publicJwk,
                false, List.of());
    }

    /** The static key as stored: its public JWK JSON. */
    Optional<String> publicKeyJson() {
        return Optional.ofNullable(publicJwk).map(k -> publicRsaKey(k).toPublicJWK().toJSONString());
    }

    private static RSAKey publicRsaKey(Map<String, Object> jwk) {
        JWK key;
        try {
            key = JWK.parse(jwk);
        } catch (ParseException e) {
            throw HubProblem.badRequest("publicJwk", "is not a valid JWK: " + e.getMessage());
        }
        if (!(key instanceof RSAKey rsa) || key.isPrivate()) {
            throw HubProblem.badRequest("publicJwk", "must be an RSA public key (platforms sign with RS256)");
        }
        if (rsa.size() < 2048) {
            throw HubProblem.badRequest("publicJwk", "must be at least 2048 bits");
        }
        return rsa;
    }
}
