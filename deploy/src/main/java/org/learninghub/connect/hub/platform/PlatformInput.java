package org.learninghub.connect.hub.platform;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.lti.migration.Lti1p1Consumers;

/**
 * The body of {@code POST} and {@code PUT /admin/api/trusts/{code}/platforms[/{id}]}: what an LMS
 * administrator copies from the platform's tool registration screen. The platform's keys come from
 * {@code jwksUrl} or, for platforms without one, a static RSA public key as a JWK ({@code publicJwk});
 * exactly one of the two. {@code platformStorage} (default false) declares that the platform implements LTI
 * platform storage; {@code frameOrigins} (default none) names LMS page origins, besides those of the issuer
 * and the auth URL, that may show the tool in a frame. {@code lti11ConsumerKey} and {@code lti11Secret}
 * (optional) are the LTI 1.1 consumer key and shared secret of the platform's former LTI 1.1 link to the
 * tool (LTI 1.1 migration); the secret is stored sealed and never shown. On a replace (PUT), a key without
 * a secret keeps the stored secret if the key is unchanged; no key removes them.
 */
public record PlatformInput(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                            String accessTokenUrl, String accessTokenAudience, String jwksUrl,
                            Map<String, Object> publicJwk, Boolean platformStorage, List<String> frameOrigins,
                            String lti11ConsumerKey, String lti11Secret) {

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
        // LTI 1.1 migration: the consumer key and shared secret the platform used with the LTI 1.1 tool.
        lti11ConsumerKey = lti11ConsumerKey == null || lti11ConsumerKey.isBlank() ? null : lti11ConsumerKey;
        lti11Secret = lti11Secret == null || lti11Secret.isEmpty() ? null : lti11Secret;
        if (lti11ConsumerKey != null && lti11ConsumerKey.length() > Lti1p1Consumers.MAX_KEY) {
            throw HubProblem.badRequest("lti11ConsumerKey", "must be at most " + Lti1p1Consumers.MAX_KEY + " characters");
        }
        if (lti11Secret != null && lti11Secret.length() > Lti1p1Consumers.MAX_SECRET) {
            throw HubProblem.badRequest("lti11Secret", "must be at most " + Lti1p1Consumers.MAX_SECRET + " characters");
        }
        if (lti11Secret != null && lti11ConsumerKey == null) {
            throw HubProblem.badRequest("lti11ConsumerKey", "is required with lti11Secret");
        }
    }

    /** Without LTI 1.1 migration data. */
    public PlatformInput(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                         String accessTokenUrl, String accessTokenAudience, String jwksUrl,
                         Map<String, Object> publicJwk, Boolean platformStorage, List<String> frameOrigins) {
        this(issuer, clientId, deploymentIds, authLoginUrl, accessTokenUrl, accessTokenAudience, jwksUrl, publicJwk,
                platformStorage, frameOrigins, null, null);
    }

    /** The secret never appears in logs or messages. */
    @Override
    public String toString() {
        return "PlatformInput[issuer=" + issuer + ", clientId=" + clientId + ", deploymentIds=" + deploymentIds
                + ", lti11ConsumerKey=" + lti11ConsumerKey + ", lti11Secret=" + (lti11Secret == null ? "none" : "…") + "]";
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
