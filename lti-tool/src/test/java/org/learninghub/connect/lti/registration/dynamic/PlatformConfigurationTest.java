package org.learninghub.connect.lti.registration.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.registration.ToolUrls;

class PlatformConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI CONFIG_URL = URI.create("https://moodle.rx1.nhs.uk/mod/lti/openid-configuration.php");

    private static ObjectNode valid() {
        ObjectNode config = JSON.createObjectNode();
        config.put("issuer", "https://moodle.rx1.nhs.uk");
        config.put("authorization_endpoint", "https://moodle.rx1.nhs.uk/mod/lti/auth.php");
        config.put("token_endpoint", "https://moodle.rx1.nhs.uk/mod/lti/token.php");
        config.put("jwks_uri", "https://moodle.rx1.nhs.uk/mod/lti/certs.php");
        config.put("registration_endpoint", "https://moodle.rx1.nhs.uk/mod/lti/openid-registration.php");
        config.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        config.putArray("scopes_supported").add("openid").add("https://purl.imsglobal.org/spec/lti-ags/scope/score");
        config.putObject(PlatformConfiguration.LTI_PLATFORM_CONFIGURATION).put("product_family_code", "moodle");
        return config;
    }

    @Test
    void aCompleteConfigurationIsAccepted() {
        PlatformConfiguration c = PlatformConfiguration.validate(CONFIG_URL, valid());
        assertEquals("https://moodle.rx1.nhs.uk", c.issuerText());
        assertEquals(URI.create("https://moodle.rx1.nhs.uk/mod/lti/openid-registration.php"), c.registrationEndpoint());
        assertEquals("moodle", c.productFamilyCode());
    }

    @Test
    void theIssuerMustBeOnTheConfigurationUrlsOrigin() {
        ObjectNode config = valid();
        config.put("issuer", "https://evil.example.org");
        assertRefused(config, "origin of the configuration URL");
        config.put("issuer", "https://moodle.rx1.nhs.uk:8443");
        assertRefused(config, "origin of the configuration URL");
        config.put("issuer", "https://moodle.rx1.nhs.uk:443/");
        PlatformConfiguration.validate(CONFIG_URL, config);
    }

    @Test
    void everyEndpointIsRequiredAndHttps() {
        for (String field : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")) {
            ObjectNode missing = valid();
            missing.remove(field);
            assertRefused(missing, field + " is missing");
            ObjectNode http = valid();
            http.put(field, "http://moodle.rx1.nhs.uk/x");
            assertRefused(http, field + " must be an https URL");
            ObjectNode notText = valid();
            notText.put(field, 42);
            assertRefused(notText, field + " must be a string");
        }
    }

    @Test
    void httpIsAcceptedOnLoopbackOnly() {
        URI local = URI.create("http://127.0.0.1:9000/lms/.well-known/openid-configuration");
        ObjectNode config = valid();
        config.put("issuer", "http://127.0.0.1:9000/lms");
        config.put("registration_endpoint", "http://127.0.0.1:9000/lms/register");
        assertEquals(URI.create("http://127.0.0.1:9000/lms/register"),
                PlatformConfiguration.validate(local, config).registrationEndpoint());
    }

    @Test
    void theLtiPlatformBlockIsRequired() {
        ObjectNode config = valid();
        config.remove(PlatformConfiguration.LTI_PLATFORM_CONFIGURATION);
        assertRefused(config, "lti-platform-configuration is missing");
        config.putObject(PlatformConfiguration.LTI_PLATFORM_CONFIGURATION).put("version", "1");
        assertRefused(config, "product_family_code");
    }

    @Test
    void publishedListsMustAdmitWhatTheToolUses() {
        ObjectNode config = valid();
        config.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic");
        assertRefused(config, "private_key_jwt");
        config = valid();
        config.putArray("id_token_signing_alg_values_supported").add("HS256");
        assertRefused(config, "RS256");
        config = valid();
        config.put("scopes_supported", "openid");
        assertRefused(config, "scopes_supported must be an array");
    }

    @Test
    void notAnObjectIsRefused() {
        assertRefused(JSON.createArrayNode(), "not a JSON object");
    }

    @Test
    void theToolAsksOnlyForScopesThePlatformLists() {
        PlatformConfiguration listed = PlatformConfiguration.validate(CONFIG_URL, valid());
        ToolUrls urls = ToolUrls.under(URI.create("https://hub.example.nhs.uk"));
        assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/score",
                ToolRegistration.body(urls, URI.create("https://hub.example.nhs.uk"), listed).get("scope"));
        PlatformConfiguration unlisted = new PlatformConfiguration(listed.issuer(), listed.authorizationEndpoint(),
                listed.tokenEndpoint(), listed.jwksUri(), listed.registrationEndpoint(), "moodle", Optional.empty());
        assertEquals(String.join(" ", ToolRegistration.SERVICE_SCOPES),
                ToolRegistration.body(urls, URI.create("https://hub.example.nhs.uk"), unlisted).get("scope"));
        assertEquals("hub.example.nhs.uk:8443", ToolRegistration.domain(URI.create("https://hub.example.nhs.uk:8443/x")));
        assertEquals("hub.example.nhs.uk", ToolRegistration.domain(URI.create("https://hub.example.nhs.uk:443")));
    }

    private static void assertRefused(com.fasterxml.jackson.databind.JsonNode config, String reason) {
        RegistrationFailure failure = assertThrows(RegistrationFailure.class,
                () -> PlatformConfiguration.validate(CONFIG_URL, config));
        assertEquals(502, failure.status().getStatusCode());
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }
}
