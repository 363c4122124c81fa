package org.learninghub.connect.lti.deeplink;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.login.Randoms;

/**
 * Builds and signs the LtiDeepLinkingResponse JWT (Deep Linking 2.0 §4.5): issued by the tool's client_id
 * to the platform's issuer, signed RS256 with the tool's current key and its kid.
 */
public final class DeepLinkResponseBuilder {

    /** Deep Linking §4.5: the response should be short-lived; the browser posts it at once. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String clientId;
    private final String platformIssuer;
    private final URI launchUrl;

    public DeepLinkResponseBuilder(String clientId, String platformIssuer, URI launchUrl) {
        this.clientId = clientId;
        this.platformIssuer = platformIssuer;
        this.launchUrl = launchUrl;
    }

    public String signed(DeepLinkSession session, List<CatalogItem> items, Optional<String> errorMessage,
                         RSAKey signingKey, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .audience(platformIssuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("nonce", Randoms.token())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.VERSION_1_3_0)
                .claim(LtiClaims.DEPLOYMENT_ID, session.deploymentId())
                .claim(LtiClaims.CONTENT_ITEMS, contentItems(items));
        // Deep Linking §4.5.2: data from the request must come back unchanged.
        session.data().ifPresent(d -> claims.claim(LtiClaims.DATA, d));
        errorMessage.ifPresent(m -> claims.claim(LtiClaims.ERROR_MSG, m));
        if (errorMessage.isEmpty()) {
            claims.claim(LtiClaims.MSG, items.isEmpty() ? "Nothing was selected." : items.size() + " Hub resource(s) linked.");
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a deep linking response", e);
        }
    }

    /** Deep Linking §3.1: one ltiResourceLink per item, launching this tool with the Hub resource id. */
    private List<Object> contentItems(List<CatalogItem> items) {
        List<Object> out = new ArrayList<>();
        for (CatalogItem item : items) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("type", LtiClaims.LTI_RESOURCE_LINK_TYPE);
            link.put("title", item.title());
            if (!item.description().isBlank()) {
                link.put("text", item.description());
            }
            link.put("url", launchUrl.toString());
            link.put("custom", Map.of("hub_resource_id", item.resourceId()));
            // Deep Linking §3.1 lineItem: the platform creates a gradebook column the tool can post scores to.
            item.scoreMaximum().ifPresent(max -> {
                Map<String, Object> lineItem = new LinkedHashMap<>();
                lineItem.put("scoreMaximum", max);
                lineItem.put("label", item.title());
                lineItem.put("resourceId", item.resourceId());
                if (item.tag() != null) {
                    lineItem.put("tag", item.tag());
                }
                link.put("lineItem", lineItem);
            });
            out.add(link);
        }
        return out;
    }
}
