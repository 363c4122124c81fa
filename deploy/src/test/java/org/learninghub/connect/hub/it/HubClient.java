package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP to a running Hub, with the administrator's credentials when asked. */
public final class HubClient {

    public static final String ADMIN_USER = "it-admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private final URI base;
    // HTTP/1.1, as browsers speak to a plain-http origin (no h2c upgrade).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public HubClient(URL base) {
        this(URI.create(base.toString()));
    }

    public HubClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** A GET by the administrator that must answer 200 with JSON: its body. */
    public JsonNode adminJson(String path) {
        HttpResponse<String> r = send(admin(path).GET());
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return LtiSteps.json(r.body());
    }

    /** A GET by the administrator that must be refused with this status, the error naming this field. */
    public void assertRefused(String path, int status, String field) {
        HttpResponse<String> r = send(admin(path).GET());
        assertEquals(status, r.statusCode(), path + " -> " + r.body());
        JsonNode body = LtiSteps.json(r.body());
        assertEquals(field, body.path("field").asText(), r.body());
        assertTrue(body.path("error").asText().length() > 5, r.body());
    }

    public HttpRequest.Builder admin(String path) {
        return request(path).header("Authorization", basic(ADMIN_USER, ADMIN_PASSWORD));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For binary responses (multipart/mixed with attachments). */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> adminPost(String path, String json) {
        return send(admin(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A code no other test run has used, so tests share one database without clashing. */
    public static String uniqueCode(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
