package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dynamic registration side of a {@link TestPlatform} (LTI Dynamic Registration 1.0), on the platform's
 * own origin: its OpenID configuration and a registration endpoint that checks the Bearer registration
 * token and the tool's posted configuration as a strict platform would, then answers with the platform's
 * client_id and a deployment id. What it found wrong is kept in {@link #problems}.
 */
final class TestRegistrationPlatform {

    final TestPlatform platform;
    final String registrationToken;
    /** The tool's public URL the registration must point at. */
    final URI tool;
    final AtomicInteger registrations = new AtomicInteger();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile JsonNode lastRegistration;
    /** Changes applied to the served configuration (a test's hostile or broken platform). */
    volatile Map<String, Object> configurationChanges = Map.of();

    TestRegistrationPlatform(TestPlatform platform, String registrationToken, URI tool) {
        this.platform = platform;
        this.registrationToken = registrationToken;
        this.tool = tool;
        platform.serve("/lms/.well-known/openid-configuration", exchange -> send(exchange, 200, TestPlatform.json(configuration())));
        platform.serve("/lms/register", this::register);
    }

    URI configurationUrl() {
        return URI.create(platform.issuer + "/.well-known/openid-configuration");
    }

    Map<String, Object> configuration() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("issuer", platform.issuer);
        config.put("authorization_endpoint", platform.authUrl().toString());
        config.put("token_endpoint", platform.issuer + "/token");
        config.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        config.put("jwks_uri", platform.jwksUrl().toString());
        config.put("registration_endpoint", platform.issuer + "/register");
        config.put("scopes_supported", List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        config.put("response_types_supported", List.of("id_token"));
        config.put("subject_types_supported", List.of("public", "pairwise"));
        config.put("id_token_signing_alg_values_supported", List.of("RS256"));
        config.put("claims_supported", List.of("sub", "iss", "name", "email"));
        config.put("https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of(
                "product_family_code", "test-lms", "version", "1.0",
                "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"), Map.of("type", "LtiDeepLinkingRequest"))));
        config.putAll(configurationChanges);
        return config;
    }

    private void register(HttpExchange exchange) throws IOException {
        List<String> found = new ArrayList<>();
        String body = new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod())) {
            found.add("method " + exchange.getRequestMethod());
        }
        if (!("Bearer " + registrationToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problems.add("wrong or missing registration token");
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            found.add("content type " + type);
        }
        JsonNode r = LtiSteps.json(body);
        lastRegistration = r;
        expect(found, r, "/application_type", "web");
        expect(found, r, "/response_types/0", "id_token");
        expect(found, r, "/grant_types/0", "implicit");
        expect(found, r, "/grant_types/1", "client_credentials");
        expect(found, r, "/initiate_login_uri", tool + "/lti/login");
        expect(found, r, "/redirect_uris/0", tool + "/lti/launch");
        expect(found, r, "/jwks_uri", tool + "/lti/jwks");
        expect(found, r, "/token_endpoint_auth_method", "private_key_jwt");
        if (!r.path("scope").asText().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")) {
            found.add("scope " + r.path("scope"));
        }
        if (r.path("client_name").asText().isBlank()) {
            found.add("no client_name");
        }
        JsonNode lti = r.path("https://purl.imsglobal.org/spec/lti-tool-configuration");
        expect(found, lti, "/domain", tool.getRawAuthority());
        expect(found, lti, "/target_link_uri", tool + "/lti/launch");
        if (!lti.path("claims").isArray() || !lti.path("claims").toString().contains("\"sub\"")) {
            found.add("claims " + lti.path("claims"));
        }
        String messages = lti.path("messages").toString();
        if (!messages.contains("\"LtiResourceLinkRequest\"") || !messages.contains("\"LtiDeepLinkingRequest\"")) {
            found.add("messages " + messages);
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            send(exchange, 400, TestPlatform.json(Map.of("error", "invalid_client_metadata", "error_description", found.toString())));
            return;
        }
        registrations.incrementAndGet();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", platform.clientId);
        answer.put("registration_client_uri", platform.issuer + "/register/" + platform.clientId);
        answer.put("application_type", "web");
        answer.put("https://purl.imsglobal.org/spec/lti-tool-configuration", Map.of(
                "domain", tool.getRawAuthority(), "target_link_uri", tool + "/lti/launch",
                "deployment_id", platform.deploymentId, "claims", List.of("iss", "sub")));
        send(exchange, 200, TestPlatform.json(answer));
    }

    private static void expect(List<String> found, JsonNode node, String pointer, String value) {
        if (!value.equals(node.at(pointer).asText(null))) {
            found.add(pointer + " = " + node.at(pointer));
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
