package org.learninghub.connect.lti.deeplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.claims.LtiClaims;

class DeepLinkResponseBuilderTest {

    @Test
    void signsResourceLinksWithLineItemsCustomAndData() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("tool-1").generate();
        DeepLinkSession session = new DeepLinkSession("s", 1, "dep-1", URI.create("https://lms/return"),
                List.of("ltiResourceLink"), true, Optional.of("opaque"), Instant.now().plusSeconds(60));
        List<CatalogItem> items = List.of(
                new CatalogItem("r1", "Fire safety", "d", Optional.of(100.0)),
                new CatalogItem("r2", "Welcome", "", Optional.empty()));
        String token = new DeepLinkResponseBuilder("client-1", "https://lms", URI.create("https://hub/lti/launch"))
                .signed(session, items, Optional.empty(), key, Instant.now());

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals("tool-1", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key.toPublicJWK())));
        var claims = jwt.getJWTClaimsSet();
        assertEquals("client-1", claims.getIssuer());
        assertEquals(List.of("https://lms"), claims.getAudience());
        assertEquals(LtiClaims.DEEP_LINKING_RESPONSE, claims.getStringClaim(LtiClaims.MESSAGE_TYPE));
        assertEquals("dep-1", claims.getStringClaim(LtiClaims.DEPLOYMENT_ID));
        assertEquals("opaque", claims.getStringClaim(LtiClaims.DATA));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) claims.getClaim(LtiClaims.CONTENT_ITEMS);
        assertEquals(2, content.size());
        assertEquals("ltiResourceLink", content.get(0).get("type"));
        assertEquals(Map.of("hub_resource_id", "r1"), content.get(0).get("custom"));
        assertEquals(100.0, ((Number) ((Map<?, ?>) content.get(0).get("lineItem")).get("scoreMaximum")).doubleValue());
        assertTrue(!content.get(1).containsKey("lineItem"));
    }
}
