package org.learninghub.connect.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as LTI needs one: follows no redirect by itself, keeps the cookies servers set and sends
 * them back. Like browsers, it treats the loopback origin as secure, so {@code Secure} cookies come back
 * over http://127.0.0.1 (java.net.CookieManager would drop them).
 */
public final class Browser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form id=\"[^\"]*\" method=\"post\" action=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** How long one request may take before the browser gives up on it (an unanswered request fails). */
    private final Duration timeout;

    public Browser() {
        this(Duration.ofSeconds(30));
    }

    public Browser(Duration timeout) {
        this.timeout = timeout;
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public HttpResponse<String> post(URI uri, List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(URI uri, Map<String, String> form) {
        return post(uri, List.copyOf(form.entrySet()));
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    public void forgetCookies() {
        cookies.clear();
    }

    /** The value of a cookie this browser keeps, if any. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Any request, with this browser's cookies, keeping the ones the answer sets. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hidden fields of the first form of a page, unescaped. */
    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    public static String formAction(String html) {
        Matcher m = ACTION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form in: " + html);
        }
        return unescape(m.group(1));
    }

    /** The query parameters of a URI, decoded. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
