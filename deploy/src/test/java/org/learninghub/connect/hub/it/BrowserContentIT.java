package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18 in a real browser: headless Chromium opens an LMS course page (the test platform, on the site
 * {@code localhost}) whose iframe starts the LTI launch at the Hub ({@code 127.0.0.1}); the launch goes through the
 * real OIDC flow (login, the platform's auto-submitted auth form, launch) and the Hub's 303 takes the iframe to
 * content served from a third site ({@code 127.0.0.2}), whose script reads the launch parameters from its own URL
 * and records {@code initialized} and {@code completed} with fetch(): cross-origin, with an Authorization header,
 * so every call is preflighted. Three sites, as a trust's LMS, the Hub and an e-learning host are.
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); a
 * missing browser fails the test. Nothing is downloaded: Selenium is given both paths.
 */
class BrowserContentIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of(System.getProperty("hub.it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("hub.it.chromedriver", "/usr/bin/chromedriver"));
    /** The LMS's site: another name for loopback, so a different site from the Hub's 127.0.0.1. */
    private static final String LMS_HOST = "localhost";
    /** The content's site: another loopback address. */
    private static final String CONTENT_HOST = "127.0.0.2";
    /** The bound of every wait on the browser. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void contentFromAnotherSiteInTheLmsIframeRecordsTheAttemptWithCors() throws Exception {
        Path netLog = Path.of("target", "browser-content-netlog.json");
        Files.deleteIfExists(netLog);
        try (Scenario s = new Scenario(false); Chromium chromium = chromium(false, netLog)) {
            WebDriver browser = chromium.driver();
            JsonNode result = s.run(browser, "browser-content");
            assertRecorded(s, result);
            assertTrue(s.storageLog(browser).isEmpty(), "the state cookie was enough: " + s.storageLog(browser));
            chromium.close();
            assertPreflighted(netLog, s.hubOrigin());
        }
    }

    /**
     * A browser that refuses third-party cookies drops the Hub's state cookie inside the LMS's frame; the launch
     * still goes through as in a real LMS that offers LTI platform storage: the state is kept in the LMS page
     * (postMessage) and read back at the launch.
     */
    @Test
    void withThirdPartyCookiesBlockedTheLaunchUsesPlatformStorage() throws Exception {
        try (Scenario s = new Scenario(true); Chromium chromium = chromium(true)) {
            WebDriver browser = chromium.driver();
            JsonNode result = s.run(browser, "browser-content-platform-storage");
            assertRecorded(s, result);
            List<String> storage = s.storageLog(browser);
            assertTrue(storage.stream().anyMatch(e -> e.startsWith("put state_")), storage.toString());
            assertTrue(storage.stream().anyMatch(e -> e.startsWith("get state_") && e.endsWith(" found")),
                    "the launch had to read the state back: " + storage);
        }
    }

    /** The Hub's launch pages may be framed by the registration's LMS and by no other site. */
    @Test
    void theHubsPagesShowInTheLmsFrameAndInNoOtherSitesFrame() throws Exception {
        try (Scenario s = new Scenario(false); Chromium chromium = chromium(false)) {
            WebDriver browser = chromium.driver();
            // A link without hub_resource_id: the Hub's own launch page is the frame's final document.
            s.platform.launchClaims(Map.of());
            browser.get(s.coursePage());
            String framed = frameText(browser, "Hub launch received");
            assertTrue(framed.contains("Hub launch received"), framed);

            // The same launch framed by a page of the content's site (not the registration's LMS): blocked.
            browser.get(s.content.url("/elsewhere.html?login=" + URLEncoder.encode(s.loginUrl(false),
                    StandardCharsets.UTF_8)));
            String blocked = frameText(browser, "Hub launch received");
            assertFalse(blocked.contains("Hub launch received"), "another site framed the Hub: " + blocked);
            assertTrue(blocked.startsWith("chrome-error:"), blocked);
        }
    }

    private void assertRecorded(Scenario s, JsonNode result) throws Exception {
        assertFalse(result.has("error"), result.toString());
        assertEquals(s.content.origin(), result.path("origin").asText(), "the content ran on its own site");
        assertEquals(200, result.path("initialized").asInt(), result.toString());
        assertEquals(200, result.path("completed").asInt(), result.toString());
        assertEquals(200, result.path("readBack").asInt(), result.toString());
        assertEquals(3, result.path("readBackCount").asInt(), "launched, initialized, completed: " + result);
        assertEquals(s.platform.issuer, result.path("actor").path("account").path("homePage").asText());
        assertEquals("learner-7", result.path("actor").path("account").path("name").asText());
        String registration = result.path("registration").asText();

        // The Hub has them: the trust's reporting credential finds the attempt by registration.
        XapiCredential reporting = XapiCredential.issueTo(s.lti.hub, s.trust, "statements/read");
        HttpResponse<String> found = s.lti.hub.send(reporting.xapi(s.lti.hub,
                "/xapi/statements?registration=" + registration, "1.0.3"));
        assertEquals(200, found.statusCode(), found.body());
        JsonNode statements = JSON.readTree(found.body()).path("statements");
        assertEquals(3, statements.size(), found.body());
        assertEquals(result.path("ids").path("completed").asText(), statements.get(0).path("id").asText());
        assertEquals(0.85, statements.get(0).path("result").path("score").path("scaled").asDouble());
        assertEquals(result.path("ids").path("initialized").asText(), statements.get(1).path("id").asText());
        assertEquals("http://adlnet.gov/expapi/verbs/launched", statements.get(2).path("verb").path("id").asText());
        assertEquals(s.activity, statements.get(0).path("object").path("id").asText());

        // The preflight the browser sent, as the Hub answers it: the content's origin and the Authorization header.
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(s.hubOrigin() + "/xapi/statements"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .header("Origin", s.content.origin())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(s.content.origin(), preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }

    /**
     * The browser's own record of its traffic (Chromium's net log, complete once the browser has quit): it sent
     * CORS preflights (OPTIONS) to the LRS before the content's calls.
     */
    private static void assertPreflighted(Path netLog, String hubOrigin) throws IOException {
        String preflight = "\"method\":\"OPTIONS\"";
        String url = "\"url\":\"" + hubOrigin + "/xapi/statements";
        try (Stream<String> lines = Files.lines(netLog)) {
            assertTrue(lines.anyMatch(l -> l.contains(preflight) && l.contains(url)),
                    "no CORS preflight to " + hubOrigin + "/xapi/statements in " + netLog);
        }
    }

    /** The text of the frame's document once it holds {@code expected} or is an error page (bounded). */
    private static String frameText(WebDriver browser, String expected) {
        browser.switchTo().defaultContent();
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(d -> {
            d.switchTo().defaultContent();
            d.switchTo().frame("tool");
            String href = String.valueOf(((JavascriptExecutor) d).executeScript("return location.href"));
            return href.startsWith("chrome-error:") || d.findElement(By.tagName("body")).getText().contains(expected);
        });
        String href = String.valueOf(((JavascriptExecutor) browser).executeScript("return location.href"));
        String text = href.startsWith("chrome-error:") ? href : browser.findElement(By.tagName("body")).getText();
        browser.switchTo().defaultContent();
        return text;
    }

    /** A browser that quits when the test ends. */
    static final class Chromium implements AutoCloseable {
        private final WebDriver driver;
        private boolean quit;

        Chromium(WebDriver driver) {
            this.driver = driver;
        }

        WebDriver driver() {
            return driver;
        }

        @Override
        public void close() {
            if (!quit) {
                quit = true;
                driver.quit();
            }
        }
    }

    /** Headless Chromium from the Debian packages, never one Selenium Manager would fetch. */
    static Chromium chromium(boolean blockThirdPartyCookies) {
        return chromium(blockThirdPartyCookies, null);
    }

    /** @param netLog where Chromium writes its net log (every request it sends, preflights included), or null */
    static Chromium chromium(boolean blockThirdPartyCookies, Path netLog) {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install the Debian package chromium");
        assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: install the Debian package chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(WAIT)
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        Map<String, Object> prefs = new HashMap<>();
        // 1 = block third-party cookies (the setting's current name and its older one).
        prefs.put("profile.cookie_controls_mode", blockThirdPartyCookies ? 1 : 0);
        prefs.put("profile.block_third_party_cookies", blockThirdPartyCookies);
        options.setExperimentalOption("prefs", prefs);
        if (netLog != null) {
            options.addArguments("--log-net-log=" + netLog.toAbsolutePath(), "--net-log-capture-mode=Default");
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Chromium(driver);
    }

    /** A trust with its LMS (the test platform on {@link #LMS_HOST}), a catalogue resource, and the content site. */
    private final class Scenario implements AutoCloseable {
        final LtiSteps lti = new LtiSteps(base);
        final TestPlatform platform = TestPlatform.startAt(LMS_HOST);
        final ContentSite content = new ContentSite();
        final String trust;
        final String resourceId;
        final String activity;
        final boolean platformStorage;

        Scenario(boolean platformStorage) {
            this.platformStorage = platformStorage;
            CatalogueClient catalogue = new CatalogueClient(base);
            Map<String, Object> body = catalogue.resource("browser");
            body.put("launchUrl", content.url("/" + catalogue.run + "/index.html"));
            JsonNode resource = catalogue.created(body);
            resourceId = resource.get("id").asText();
            activity = resource.get("activityId").asText();
            platform.registerRedirectUri(lti.launchUrl());
            trust = lti.newTrust();
            lti.register(trust, platform, Map.of("platformStorage", platformStorage));
            platform.launchClaims(Map.of(LTI + "custom", Map.of("hub_resource_id", resourceId)));
            platform.serve("/lms/course", exchange -> respond(exchange, "text/html", lmsPage(loginUrl(platformStorage))));
        }

        String hubOrigin() {
            return lti.tool.toString().replaceAll("/$", "");
        }

        String coursePage() {
            return platform.origin() + "/lms/course";
        }

        /** The login initiation the LMS puts in its iframe, naming its own page as storage when it offers that. */
        String loginUrl(boolean withStorage) {
            return lti.loginUri(platform, lti.launchUrl(), withStorage ? Map.of("lti_storage_target", "_parent")
                    : Map.of()).toString();
        }

        /** Opens the course, waits (bounded) for the content's report in the frame, saves a screenshot. */
        JsonNode run(WebDriver browser, String screenshot) throws IOException {
            browser.get(coursePage());
            String report;
            try {
                report = new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(d -> {
                    d.switchTo().defaultContent();
                    d.switchTo().frame("tool");
                    List<org.openqa.selenium.WebElement> done = d.findElements(By.cssSelector("body[data-done='true'] #result"));
                    return done.isEmpty() ? null : done.get(0).getText();
                });
            } finally {
                browser.switchTo().defaultContent();
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, Path.of("target", screenshot + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return JSON.readTree(report);
        }

        /** What the LMS page's platform storage was asked, in order. */
        @SuppressWarnings("unchecked")
        List<String> storageLog(WebDriver browser) {
            browser.switchTo().defaultContent();
            return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.storageLog.slice()");
        }

        @Override
        public void close() {
            platform.close();
            content.close();
        }
    }

    /**
     * The LMS's course page: the tool's iframe, and the LMS's side of LTI platform storage (Client Side postMessages:
     * {@code lti.put_data}/{@code lti.get_data}, kept per sender origin) for a tool that may not get its cookie.
     */
    static String lmsPage(String loginUrl) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Ward induction</title></head><body>"
                + "<h1>Ward induction (LMS course page)</h1>"
                + "<iframe id=\"tool\" name=\"tool\" width=\"1000\" height=\"600\" src=\"" + attribute(loginUrl) + "\"></iframe>"
                + "<script>window.storageLog=[];var store={};"
                + "window.addEventListener('message',function(e){var d=e.data;if(!d||typeof d!=='object'){return;}"
                + "var k=e.origin+'|'+d.key;"
                + "if(d.subject==='lti.put_data'){store[k]=d.value;window.storageLog.push('put '+d.key);"
                + "e.source.postMessage({subject:'lti.put_data.response',message_id:d.message_id,key:d.key,value:d.value},e.origin);}"
                + "else if(d.subject==='lti.get_data'){window.storageLog.push('get '+d.key+(k in store?' found':' missing'));"
                + "e.source.postMessage({subject:'lti.get_data.response',message_id:d.message_id,key:d.key,value:store[k]},e.origin);}"
                + "});</script></body></html>";
    }

    /**
     * Content as an authoring tool exports it: static HTML whose script knows nothing but the launch parameters in
     * its URL. It records two statements, reads its registration back, and writes the statuses into the page.
     */
    static final String CONTENT = """
            <!doctype html><html><head><meta charset="utf-8"><title>Hand hygiene</title></head><body>
            <h1>Hand hygiene</h1><p id="status">Starting…</p>
            <pre id="result" style="white-space: pre-wrap; word-break: break-all"></pre>
            <script>
            (function () {
              function uuid() {
                var b = crypto.getRandomValues(new Uint8Array(16));
                b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
                var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
                return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
              }
              var q = new URLSearchParams(window.location.search);
              var out = {origin: window.location.origin, registration: q.get('registration')};
              function statement(verb, result) {
                var s = {id: uuid(), actor: out.actor,
                  verb: {id: 'http://adlnet.gov/expapi/verbs/' + verb, display: {'en-GB': verb}},
                  object: {objectType: 'Activity', id: q.get('activity_id')},
                  context: {registration: out.registration}};
                if (result) { s.result = result; }
                return s;
              }
              function send(method, path, body) {
                return fetch(q.get('endpoint') + path, {method: method, body: body ? JSON.stringify(body) : undefined,
                    headers: {'Authorization': q.get('auth'), 'X-Experience-API-Version': '1.0.2',
                      'Content-Type': 'application/json'}})
                  .then(function (r) { return r.text().then(function (t) { return {status: r.status, body: t}; }); });
              }
              function finish() {
                document.getElementById('result').textContent = JSON.stringify(out);
                document.getElementById('status').textContent = out.error ? 'Not recorded: ' + out.error
                  : 'Recorded: initialized ' + out.initialized + ', completed ' + out.completed
                    + ', read back ' + out.readBack + ' (' + out.readBackCount + ' statements)';
                document.body.setAttribute('data-done', 'true');
              }
              try {
                out.actor = JSON.parse(q.get('actor'));
                var initialized = statement('initialized');
                var completed = statement('completed', {completion: true, score: {scaled: 0.85}});
                out.ids = {initialized: initialized.id, completed: completed.id};
                send('POST', 'statements', initialized)
                  .then(function (r) { out.initialized = r.status; return send('POST', 'statements', completed); })
                  .then(function (r) { out.completed = r.status;
                    return send('GET', 'statements?registration=' + encodeURIComponent(out.registration)); })
                  .then(function (r) { out.readBack = r.status;
                    out.readBackCount = r.status === 200 ? JSON.parse(r.body).statements.length : -1; })
                  .catch(function (e) { out.error = String(e); })
                  .then(finish);
              } catch (e) {
                out.error = String(e);
                finish();
              }
            })();
            </script></body></html>
            """;

    /** A page of the content's site that frames a Hub login: not the registration's LMS. */
    static final String ELSEWHERE = """
            <!doctype html><html><head><meta charset="utf-8"><title>Elsewhere</title></head><body>
            <iframe id="tool" name="tool" width="800" height="400"></iframe>
            <script>document.getElementById('tool').src = new URLSearchParams(location.search).get('login');</script>
            </body></html>
            """;

    /** The content's web server: static files on another loopback address, so another site. */
    static final class ContentSite implements AutoCloseable {
        private final HttpServer server;

        ContentSite() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(CONTENT_HOST), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.endsWith("/index.html")) {
                    respond(exchange, "text/html", CONTENT);
                } else if (path.equals("/elsewhere.html")) {
                    respond(exchange, "text/html", ELSEWHERE);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            });
            server.start();
        }

        String origin() {
            return "http://" + CONTENT_HOST + ":" + server.getAddress().getPort();
        }

        String url(String path) {
            return origin() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
