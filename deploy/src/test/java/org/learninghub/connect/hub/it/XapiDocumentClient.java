package org.learninghub.connect.hub.it;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls to the xAPI Document resources with one credential and one xAPI version. */
public record XapiDocumentClient(HubClient hub, XapiCredential credential, String version) {

    public static final String STATE = "/xapi/activities/state";
    public static final String ACTIVITY_PROFILE = "/xapi/activities/profile";
    public static final String AGENT_PROFILE = "/xapi/agents/profile";

    public XapiDocumentClient as(String otherVersion) {
        return new XapiDocumentClient(hub, credential, otherVersion);
    }

    public HttpResponse<String> get(String path, Map<String, String> query, String... headers) {
        return hub.send(request(path, query, headers).GET());
    }

    public HttpResponse<String> head(String path, Map<String, String> query) {
        return hub.send(request(path, query).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> put(String path, Map<String, String> query, String contentType, String body,
                                    String... headers) {
        return write("PUT", path, query, contentType, body, headers);
    }

    public HttpResponse<String> post(String path, Map<String, String> query, String contentType, String body,
                                     String... headers) {
        return write("POST", path, query, contentType, body, headers);
    }

    public HttpResponse<String> putJson(String path, Map<String, String> query, String json, String... headers) {
        return put(path, query, "application/json", json, headers);
    }

    public HttpResponse<String> postJson(String path, Map<String, String> query, String json, String... headers) {
        return post(path, query, "application/json", json, headers);
    }

    public HttpResponse<String> delete(String path, Map<String, String> query, String... headers) {
        return hub.send(request(path, query, headers).DELETE());
    }

    private HttpResponse<String> write(String method, String path, Map<String, String> query, String contentType,
                                       String body, String... headers) {
        return hub.send(request(path, query, headers).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, Map<String, String> query, String... headers) {
        HttpRequest.Builder request = credential.xapi(hub, path + "?" + encode(query), version);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** A query string from name/value pairs, in order. */
    public static Map<String, String> params(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    /** The query plus one more parameter. */
    public static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return more;
    }

    /** The query without one parameter. */
    public static Map<String, String> without(Map<String, String> query, String name) {
        Map<String, String> less = new LinkedHashMap<>(query);
        less.remove(name);
        return less;
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
