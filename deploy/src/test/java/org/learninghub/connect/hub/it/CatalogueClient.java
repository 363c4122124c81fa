package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The catalogue's admin API over real HTTP, with values unique to this test run (tests share one database). */
final class CatalogueClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final HubClient hub;
    /** Letters only, so that full-text search keeps it as one word. */
    final String run;

    CatalogueClient(URL base) {
        this.hub = new HubClient(base);
        this.run = word(10);
    }

    static String word(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** A resource body with every usual field, unique to this run by {@code tag}; change entries per test. */
    Map<String, Object> resource(String tag) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "Hand hygiene for " + tag + " staff " + run);
        r.put("description", "Five moments of hand hygiene, technique and products for clinical staff.");
        r.put("keywords", java.util.List.of("hand hygiene", "infection prevention"));
        r.put("type", "e-learning-package");
        r.put("launchUrl", "https://content.example.nhs.uk/" + run + "/" + tag + "/index.html");
        r.put("activityId", "https://content.example.nhs.uk/activities/" + run + "/" + tag);
        r.put("gradable", false);
        return r;
    }

    HttpResponse<String> post(String path, Object body) {
        return hub.adminPost(path, json(body));
    }

    JsonNode created(Map<String, Object> body) {
        HttpResponse<String> r = post("/admin/api/resources", body);
        assertEquals(201, r.statusCode(), r.body());
        return read(r.body());
    }

    HttpResponse<String> get(String path) {
        return hub.send(hub.admin(path).GET());
    }

    HttpResponse<String> put(String path, Object body) {
        return hub.send(hub.admin(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    HttpResponse<String> delete(String path) {
        return hub.send(hub.admin(path).DELETE());
    }

    HttpResponse<String> importCsv(String query, String csv) {
        return hub.send(hub.admin("/admin/api/imports?" + query).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    JsonNode search(String query) {
        HttpResponse<String> r = get("/admin/api/resources?" + query);
        assertEquals(200, r.statusCode(), r.body());
        return read(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
