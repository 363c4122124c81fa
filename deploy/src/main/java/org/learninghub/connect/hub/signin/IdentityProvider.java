package org.learninghub.connect.hub.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The identity provider over HTTP: its discovery document (cached an hour), the code-for-token exchange and
 * the id_token's checks. Every call is bounded: connect and answer timeouts, and a size limit on each answer.
 * The provider's keys come through Nimbus's JWK source (cached, refetched when an unknown key id appears, so a
 * key rotation at the provider needs nothing here).
 */
@ApplicationScoped
public class IdentityProvider {

    private static final Logger LOG = Logger.getLogger(IdentityProvider.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DISCOVERY_CACHE = Duration.ofHours(1);
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    /** Clock difference tolerated between the provider and the Hub for exp and iat. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    @Inject
    SignInSettings settings;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Clock clock = Clock.systemUTC();
    private volatile Discovered discovered;
    private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

    private record Discovered(ProviderMetadata metadata, Instant at) {
    }

    /** The provider's endpoints: explicit settings, else its discovery document (fetched at most once an hour). */
    ProviderMetadata metadata() {
        var explicit = settings.explicitEndpoints();
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Discovered d = discovered;
        if (d != null && d.at().plus(DISCOVERY_CACHE).isAfter(clock.instant())) {
            return d.metadata();
        }
        ProviderMetadata fresh = discover(settings.issuer());
        discovered = new Discovered(fresh, clock.instant());
        return fresh;
    }

    private ProviderMetadata discover(String issuer) {
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        JsonNode doc = fetchJson(HttpRequest.newBuilder(URI.create(url)).GET(), "discovery document");
        // OpenID Connect Discovery §4.3: the document's issuer must be the one configured, exactly.
        if (!issuer.equals(doc.path("issuer").asText())) {
            throw unavailable("the identity provider's discovery document names another issuer than hub.oidc.issuer");
        }
        String authorization = doc.path("authorization_endpoint").asText("");
        String token = doc.path("token_endpoint").asText("");
        String jwks = doc.path("jwks_uri").asText("");
        SignInSettings.requireUrl("authorization_endpoint (discovery)", authorization);
        SignInSettings.requireUrl("token_endpoint (discovery)", token);
        SignInSettings.requireUrl("jwks_uri (discovery)", jwks);
        JsonNode methods = doc.path("token_endpoint_auth_methods_supported");
        boolean basic = true;
        if (methods.isArray() && methods.size() > 0) {
            boolean hasBasic = false;
            boolean hasPost = false;
            for (JsonNode m : methods) {
                hasBasic |= "client_secret_basic".equals(m.asText());
                hasPost |= "client_secret_post".equals(m.asText());
            }
            basic = hasBasic || !hasPost;
        }
        return new ProviderMetadata(issuer, authorization, token, jwks, basic);
    }

    /** Trades the authorization code for the provider's id_token (the access token is not kept). */
    String exchange(ProviderMetadata provider, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        var secret = settings.clientSecret();
        if (secret.isPresent() && provider.basicAuth()) {
            // RFC 6749 §2.3.1: both parts form-encoded before Basic.
            String pair = formEncode(settings.clientId()) + ":" + formEncode(secret.get());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", settings.clientId());
            secret.ifPresent(s -> form.put("client_secret", s));
        }
        String body = form.entrySet().stream().map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = fetchJson(request.POST(HttpRequest.BodyPublishers.ofString(body)), "token endpoint");
        String idToken = answer.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw refused("the identity provider's token answer has no id_token");
        }
        return idToken;
    }

    /**
     * The id_token's claims once it is proven the provider's, for this Hub, for this sign-in: signature by a key
     * of the provider's JWKS, {@code iss} exactly the issuer, {@code aud} naming the client id (and {@code azp} it
     * when there are several), {@code exp} not passed and {@code iat} not ahead (within {@link #CLOCK_SKEW}), and
     * the {@code nonce} this sign-in sent.
     */
    JWTClaimsSet validate(ProviderMetadata provider, String idToken, String nonce) {
        String clientId = settings.clientId();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(provider.jwksUri())));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(provider.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp"));
        verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (Exception e) {
            LOG.log(Level.FINE, "Refused an id_token", e);
            throw refused("the identity provider's id_token is not valid for this sign-in");
        }
        Date iat = claims.getIssueTime();
        if (iat.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw refused("the identity provider's id_token is issued in the future");
        }
        if (claims.getAudience().size() > 1 && !clientId.equals(claims.getClaim("azp"))) {
            throw refused("the identity provider's id_token is for several clients but not authorised for this one");
        }
        return claims;
    }

    private JWKSource<SecurityContext> keys(String jwksUri) {
        return keySources.computeIfAbsent(jwksUri, uri -> {
            try {
                return JWKSourceBuilder.create(URI.create(uri).toURL(), new DefaultResourceRetriever(
                                (int) CONNECT_TIMEOUT.toMillis(), (int) ANSWER_TIMEOUT.toMillis(), MAX_ANSWER_BYTES))
                        .build();
            } catch (MalformedURLException e) {
                throw unavailable("the identity provider's jwks_uri is not a URL");
            }
        });
    }

    private JsonNode fetchJson(HttpRequest.Builder request, String what) {
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request.timeout(ANSWER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The identity provider's " + what + " could not be reached: " + e);
            throw unavailable("the identity provider cannot be reached (" + what + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the identity provider cannot be reached (" + what + ")");
        }
        if (body.length > MAX_ANSWER_BYTES) {
            throw unavailable("the identity provider's " + what + " answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        if (response.statusCode() != 200) {
            LOG.warning(() -> "The identity provider's " + what + " answered " + response.statusCode());
            throw refused("the identity provider refused the sign-in (" + what + " answered "
                    + response.statusCode() + ")");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw unavailable("the identity provider's " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw unavailable("the identity provider's " + what + " is not JSON");
        }
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HubProblem unavailable(String message) {
        return new HubProblem(Response.Status.SERVICE_UNAVAILABLE, null, message);
    }

    /** A sign-in refused: 401 (not the person's account: the provider's answer could not be trusted). */
    static HubProblem refused(String message) {
        return new HubProblem(Response.Status.UNAUTHORIZED, null, message);
    }
}
