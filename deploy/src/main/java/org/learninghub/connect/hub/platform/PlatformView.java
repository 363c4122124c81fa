package org.learninghub.connect.hub.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.learninghub.connect.lti.registration.ToolUrls;

/**
 * A platform registration as the admin API shows it, with the tool's own URLs the LMS administrator must
 * paste into the platform.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformView(long id, String trust, String issuer, String clientId, List<String> deploymentIds,
                           String authLoginUrl, String accessTokenUrl, String accessTokenAudience, String jwksUrl,
                           Map<String, Object> publicJwk, boolean platformStorage, List<String> frameOrigins,
                           String status, Instant created, Instant updated, Tool tool,
                           String lti11ConsumerKey, boolean lti11SecretSet) {

    /** What to paste into the LMS: LTI Core §3.1.3 tool configuration. */
    public record Tool(String loginUrl, String redirectUrl, String targetLinkUrl, String jwksUrl,
                       String deepLinkingUrl) {

        static Tool of(ToolUrls urls) {
            return new Tool(urls.loginUrl().toString(), urls.redirectUrl().toString(), urls.targetLinkUrl().toString(),
                    urls.jwksUrl().toString(), urls.deepLinkingUrl().toString());
        }
    }

    static PlatformView of(Platform p, String trustCode, ToolUrls urls) {
        return of(p, trustCode, urls, java.util.Optional.empty());
    }

    /** With the LTI 1.1 consumer key when the registration keeps one (the secret is never shown, only that it is set). */
    static PlatformView of(Platform p, String trustCode, ToolUrls urls, java.util.Optional<String> lti11ConsumerKey) {
        PlatformView v = base(p, trustCode, urls);
        return new PlatformView(v.id(), v.trust(), v.issuer(), v.clientId(), v.deploymentIds(), v.authLoginUrl(),
                v.accessTokenUrl(), v.accessTokenAudience(), v.jwksUrl(), v.publicJwk(), v.platformStorage(),
                v.frameOrigins(), v.status(), v.created(), v.updated(), v.tool(), lti11ConsumerKey.orElse(null),
                lti11ConsumerKey.isPresent());
    }

    private static PlatformView base(Platform p, String trustCode, ToolUrls urls) {
        return new PlatformView(p.id(), trustCode, p.issuer(), p.clientId(), p.deploymentIds().stream().sorted().toList(),
                p.authLoginUrl(), p.accessTokenUrl(), p.accessTokenAudience().orElse(null), p.jwksUrl().orElse(null),
                p.publicJwk().map(PlatformView::jwk).orElse(null), p.platformStorage(), p.frameOrigins(), p.status().name(), p.created(), p.updated(), Tool.of(urls),
                null, false);
    }

    private static Map<String, Object> jwk(String json) {
        try {
            return JWK.parse(json).toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException("a stored platform key is unreadable", e);
        }
    }
}
