package org.learninghub.connect.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Statement requests for integration tests: one credential, one xAPI version, real HTTP. */
record Statements(HubClient hub, XapiCredential credential, String version) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Statements as(HubClient hub, XapiCredential credential, String version) {
        return new Statements(hub, credential, version);
    }

    /** A valid statement with this actor mbox, verb and activity ids. */
    static String statement(String mbox, String verb, String activity) {
        return "{\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:" + mbox + "\"},"
                + "\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-US\":\"did\",\"fr-FR\":\"a fait\"}},"
                + "\"object\":{\"id\":\"" + activity + "\"}}";
    }

    /** A statement of a launched attempt as content sends it: an ADL verb, the attempt's registration, a new id. */
    static ObjectNode ofAttempt(String verb, JsonNode actor, String registration, String activity) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", actor);
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", activity);
        s.putObject("context").put("registration", registration);
        return s;
    }

    /** The statement with more top-level properties, given as JSON members ("name":value,…). */
    static String plus(String statement, String members) {
        return statement.substring(0, statement.length() - 1) + "," + members + "}";
    }

    static String withId(String statement, UUID id) {
        return "{\"id\":\"" + id + "\"," + statement.substring(1);
    }

    HttpResponse<String> post(String json) {
        return hub.send(credential.xapi(hub, "/xapi/statements", version).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(UUID id, String json) {
        return hub.send(credential.xapi(hub, "/xapi/statements?statementId=" + id, version)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String query) {
        return hub.send(credential.xapi(hub, "/xapi/statements" + (query.isEmpty() ? "" : "?" + query), version).GET());
    }

    HttpResponse<String> byId(UUID id) {
        return get("statementId=" + id);
    }

    static String q(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
