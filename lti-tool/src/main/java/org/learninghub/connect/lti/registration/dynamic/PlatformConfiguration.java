package org.learninghub.connect.lti.registration.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A platform's OpenID configuration (Dynamic Registration 1.0 §3.4, OpenID Connect Discovery), validated:
 * only what passed every rule below is ever used.
 * <ul>
 *   <li>{@code issuer} is an https URL (http only on loopback) whose origin is the configuration URL's: the
 *       configuration speaks for the issuer only if the issuer's own site serves it (§3.5.1);</li>
 *   <li>{@code authorization_endpoint}, {@code token_endpoint}, {@code jwks_uri} and
 *       {@code registration_endpoint} are present and follow the same URL rule;</li>
 *   <li>the LTI block {@code https://purl.imsglobal.org/spec/lti-platform-configuration} is an object with
 *       a {@code product_family_code};</li>
 *   <li>lists the platform publishes must admit what the tool does: {@code private_key_jwt} among
 *       {@code token_endpoint_auth_methods_supported}, {@code RS256} among
 *       {@code id_token_signing_alg_values_supported}, {@code id_token} among {@code response_types_supported}.</li>
 * </ul>
 *
 * @param scopesSupported the platform's {@code scopes_supported}, empty when it names none
 */
public record PlatformConfiguration(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                                    URI registrationEndpoint, String productFamilyCode,
                                    Optional<List<String>> scopesSupported) {

    public static final String LTI_PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final int MAX_TEXT = 255;

    public PlatformConfiguration {
        scopesSupported = scopesSupported.map(List::copyOf);
    }

    /** The configuration read from {@code configurationUrl}, or a {@link RegistrationFailure} naming the broken rule. */
    public static PlatformConfiguration validate(URI configurationUrl, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw RegistrationFailure.platform("the OpenID configuration is not a JSON object");
        }
        URI issuer = OutboundUrl.check("issuer", text(json, "issuer"));
        if (issuer.getRawQuery() != null) {
            throw RegistrationFailure.platform("issuer must not have a query");
        }
        if (!OutboundUrl.origin(issuer).equals(OutboundUrl.origin(configurationUrl))) {
            throw RegistrationFailure.platform("issuer " + issuer + " is not on the origin of the configuration URL ("
                    + OutboundUrl.origin(configurationUrl) + ")");
        }
        URI authorization = OutboundUrl.check("authorization_endpoint", text(json, "authorization_endpoint"));
        URI token = OutboundUrl.check("token_endpoint", text(json, "token_endpoint"));
        URI jwks = OutboundUrl.check("jwks_uri", text(json, "jwks_uri"));
        URI registration = OutboundUrl.check("registration_endpoint", text(json, "registration_endpoint"));
        requireListed(json, "token_endpoint_auth_methods_supported", "private_key_jwt");
        requireListed(json, "id_token_signing_alg_values_supported", "RS256");
        requireListed(json, "response_types_supported", "id_token");
        JsonNode lti = json.get(LTI_PLATFORM_CONFIGURATION);
        if (lti == null || !lti.isObject()) {
            throw RegistrationFailure.platform(LTI_PLATFORM_CONFIGURATION + " is missing or not an object");
        }
        String family = text(lti, "product_family_code");
        if (family == null || family.isBlank() || family.length() > MAX_TEXT) {
            throw RegistrationFailure.platform("product_family_code is missing or longer than " + MAX_TEXT + " characters");
        }
        return new PlatformConfiguration(issuer, authorization, token, jwks, registration, family,
                strings(json, "scopes_supported"));
    }

    /** The issuer as the tool stores it and id_tokens carry it: exactly the configuration's value. */
    public String issuerText() {
        return issuer.toString();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RegistrationFailure.platform(field + " must be a string");
        }
        return value.asText();
    }

    /** When the platform publishes the list, it must contain what the tool uses. */
    private static void requireListed(JsonNode json, String field, String needed) {
        strings(json, field).ifPresent(values -> {
            if (!values.contains(needed)) {
                throw RegistrationFailure.platform(field + " does not include " + needed);
            }
        });
    }

    private static Optional<List<String>> strings(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() > 200) {
            throw RegistrationFailure.platform(field + " must be an array of at most 200 strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw RegistrationFailure.platform(field + " must contain strings only");
            }
            values.add(item.asText());
        }
        return Optional.of(values);
    }
}
