package org.learninghub.connect.hub.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The identity provider and session settings ({@code hub.oidc.*}, {@code hub.session.*}). Sign-in through
 * the provider is off while {@code hub.oidc.issuer} is unset; a set issuer with a setting missing or wrong
 * is answered 503 naming the setting, so a half-made configuration is seen, never half used.
 */
@ApplicationScoped
public class SignInSettings {

    public enum Claim { SUB, EMAIL }

    @Inject
    @ConfigProperty(name = "hub.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "hub.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "hub.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "hub.oidc.claim", defaultValue = "email")
    String claim;

    /** Explicit endpoints, for a provider without discovery: all three, or none (then discovery). */
    @Inject
    @ConfigProperty(name = "hub.oidc.authorization-endpoint")
    Optional<String> authorizationEndpoint;

    @Inject
    @ConfigProperty(name = "hub.oidc.token-endpoint")
    Optional<String> tokenEndpoint;

    @Inject
    @ConfigProperty(name = "hub.oidc.jwks-uri")
    Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "hub.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    @ConfigProperty(name = "hub.session.absolute-hours", defaultValue = "10")
    int absoluteHours;

    @Inject
    @ConfigProperty(name = "hub.public.url")
    String publicUrl;

    /** Whether sign-in through the identity provider is configured at all. */
    public boolean enabled() {
        return issuer.filter(s -> !s.isBlank()).isPresent();
    }

    /** The issuer, as the id_token's {@code iss} must name it exactly; 503 naming the setting when wrong. */
    String issuer() {
        String value = issuer.orElseThrow().strip();
        requireUrl("hub.oidc.issuer", value);
        return value;
    }

    String clientId() {
        return clientId.filter(s -> !s.isBlank()).orElseThrow(() -> misconfigured("hub.oidc.client-id", "is required"));
    }

    Optional<String> clientSecret() {
        return clientSecret.filter(s -> !s.isEmpty());
    }

    Claim claim() {
        return switch (claim.strip().toLowerCase(Locale.ROOT)) {
            case "sub" -> Claim.SUB;
            case "email" -> Claim.EMAIL;
            default -> throw misconfigured("hub.oidc.claim", "must be sub or email");
        };
    }

    /** The three endpoints when all are set explicitly; empty for discovery. */
    Optional<ProviderMetadata> explicitEndpoints() {
        if (authorizationEndpoint.isEmpty() && tokenEndpoint.isEmpty() && jwksUri.isEmpty()) {
            return Optional.empty();
        }
        String authorization = authorizationEndpoint.orElseThrow(() -> misconfigured("hub.oidc.authorization-endpoint",
                "is required with hub.oidc.token-endpoint and hub.oidc.jwks-uri"));
        String token = tokenEndpoint.orElseThrow(() -> misconfigured("hub.oidc.token-endpoint",
                "is required with hub.oidc.authorization-endpoint and hub.oidc.jwks-uri"));
        String jwks = jwksUri.orElseThrow(() -> misconfigured("hub.oidc.jwks-uri",
                "is required with hub.oidc.authorization-endpoint and hub.oidc.token-endpoint"));
        requireUrl("hub.oidc.authorization-endpoint", authorization);
        requireUrl("hub.oidc.token-endpoint", token);
        requireUrl("hub.oidc.jwks-uri", jwks);
        return Optional.of(new ProviderMetadata(issuer(), authorization, token, jwks, true));
    }

    /** At least a minute: a smaller value would end every session before its next request. */
    Duration idle() {
        return Duration.ofMinutes(Math.max(1, idleMinutes));
    }

    Duration absolute() {
        return Duration.ofHours(Math.max(1, absoluteHours));
    }

    /** Where the provider sends the browser back: registered at the provider as the redirect URI. */
    String redirectUri() {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/signin/callback";
    }

    /**
     * HTTPS only, but for a provider on this machine's loopback (tests, a local proxy): the provider's
     * answers decide who is an administrator, so they must not travel in clear.
     */
    static void requireUrl(String setting, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw misconfigured(setting, "is not a URL");
        }
        String host = uri.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (host == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw misconfigured(setting, "must be an https:// URL (http:// only on the loopback address)");
        }
    }

    static HubProblem misconfigured(String setting, String rule) {
        return new HubProblem(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, setting,
                "sign-in is not available: the setting " + setting + " " + rule);
    }
}
