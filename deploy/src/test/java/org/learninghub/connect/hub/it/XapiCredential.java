package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An LRS credential issued over the admin API to a fresh trust, for tests that call /xapi. */
public record XapiCredential(String trust, String key, String secret, String endpoint) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates a new trust and issues it a credential with these scopes. */
    public static XapiCredential issue(HubClient hub, String... scopes) {
        return issueTo(hub, newTrust(hub), scopes);
    }

    public static XapiCredential issueTo(HubClient hub, String trust, String... scopes) {
        String scopeJson = Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        HttpResponse<String> issued = hub.adminPost("/admin/api/trusts/" + trust + "/credentials",
                "{\"name\":\"test content\",\"scopes\":[" + scopeJson + "]}");
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("credential not issued: " + issued.statusCode() + " " + issued.body());
        }
        JsonNode body = read(issued.body());
        return new XapiCredential(trust, body.get("key").asText(), body.get("secret").asText(),
                body.get("endpoint").asText());
    }

    /** A new, uniquely coded trust. */
    public static String newTrust(HubClient hub) {
        String code = HubClient.uniqueCode("X");
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"Trust " + code + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("trust not created: " + created.statusCode() + " " + created.body());
        }
        return code;
    }

    public String authorization() {
        return HubClient.basic(key, secret);
    }

    /** A request with this credential and the given xAPI version header. */
    public HttpRequest.Builder xapi(HubClient hub, String path, String version) {
        return hub.request(path).header("Authorization", authorization()).header("X-Experience-API-Version", version);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
