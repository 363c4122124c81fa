package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrators' dashboard in headless Chromium, on data seeded through the real APIs (an LMS's launches,
 * the content's statements, catalogue resources): a hub-admin signs in with the password form and sees the
 * charts and tables hold the seeded figures, filters and pages a list, downloads a CSV with the browser's own
 * session; a trust-admin sees only their trust, and the API refuses them another trust's data with the same
 * session. Screenshots of each main page are written to {@code target/dashboard-*.png}.
 */
class BrowserDashboardIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TRUST_ADMIN_PASSWORD = "trust-admin-dashboard-pw";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void administratorsSeeTheSeededActivityAndATrustAdminOnlyTheirTrust() throws Exception {
        HubClient hub = new HubClient(base);
        LtiSteps lti = new LtiSteps(base);
        CatalogueClient catalogue = new CatalogueClient(base);
        JsonNode a = catalogue.created(catalogue.resource("dashboard-a"));
        JsonNode b = catalogue.created(catalogue.resource("dashboard-b"));
        String word = "pager" + CatalogueClient.word(8);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> r = catalogue.resource("dashboard-page-" + i);
            r.put("title", "Paging " + word + " " + i);
            catalogue.created(r);
        }
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        try (TestPlatform platform = TestPlatform.start();
             BrowserContentIT.Chromium chromium = BrowserContentIT.chromium(false)) {
            platform.registerRedirectUri(lti.launchUrl());
            String trust = lti.newTrust();
            lti.register(trust, platform);
            // Launches today: learners 1, 2, 3 launch A; learner 1 launches B. A: 1 and 2 complete; B: 1 passes.
            Map<String, String> r1 = lti.launchResource(platform, a.get("id").asText(), "learner-1");
            Map<String, String> r2 = lti.launchResource(platform, a.get("id").asText(), "learner-2");
            Map<String, String> r3 = lti.launchResource(platform, a.get("id").asText(), "learner-3");
            Map<String, String> r4 = lti.launchResource(platform, b.get("id").asText(), "learner-1");
            post(r1, outcome("completed", r1, a, "PT10M"));
            post(r2, outcome("completed", r2, a, "PT20M"));
            post(r4, outcome("passed", r4, b, "PT5M"));
            // Learner 3 makes progress without completing: 12 statements, enough for two pages of ten.
            for (int i = 0; i < 12; i++) {
                post(r3, outcome("progressed", r3, a, "PT" + (i + 1) + "M"));
            }
            String other = XapiCredential.newTrust(hub);
            String trustAdmin = "dash-" + trust.toLowerCase();
            HttpResponse<String> account = hub.adminPost("/admin/api/accounts", "{\"username\":\"" + trustAdmin
                    + "\",\"password\":\"" + TRUST_ADMIN_PASSWORD + "\",\"role\":\"trust-admin\",\"trust\":\"" + trust + "\"}");
            assertEquals(201, account.statusCode(), account.body());

            WebDriver browser = chromium.driver();
            signIn(browser, HubClient.ADMIN_USER, HubClient.ADMIN_PASSWORD);
            waitFor(browser, "overview");

            // Overview: the chart is drawn, the per-trust table holds the trust's figures (4 launches, 3 completions).
            WebElement canvas = browser.findElement(By.cssSelector("#activity-chart canvas"));
            assertTrue(canvas.getSize().getWidth() > 200 && canvas.getSize().getHeight() > 100, "chart size "
                    + canvas.getSize());
            List<String> mine = row(browser, "trusts-report", trust);
            assertEquals("4", mine.get(2), "launches: " + mine);
            assertEquals("3", mine.get(3), "completions: " + mine);
            assertEquals("1", mine.get(4), "passes: " + mine);
            screenshot(browser, "overview");

            // Compliance due tomorrow: A has 3 learners enrolled, 2 completed; B 1 and 1.
            go(browser, "compliance");
            new Select(browser.findElement(By.id("c-trust"))).selectByValue(trust);
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                    browser.findElement(By.id("c-due")), tomorrow);
            browser.findElement(By.cssSelector("#compliance-form button[type=submit]")).click();
            wait(browser).until(d -> !d.findElements(By.id("compliance-table")).isEmpty());
            List<String> compA = row(browser, "compliance-table", a.get("title").asText());
            assertEquals(List.of("3", "2", "2", "1", "0"), compA.subList(1, 6), "A: " + compA);
            List<String> compB = row(browser, "compliance-table", b.get("title").asText());
            assertEquals(List.of("1", "1", "1", "0", "0"), compB.subList(1, 6), "B: " + compB);
            screenshot(browser, "compliance");

            // The CSV link, fetched with the browser's own session cookie.
            String csvUrl = browser.findElement(By.id("compliance-csv")).getAttribute("href");
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvUrl))
                    .header("Cookie", "hub_session=" + sessionCookie(browser)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = csv.body().lines().toList();
            assertTrue(lines.get(0).startsWith("resource,title,"), lines.get(0));
            assertEquals(3, lines.size(), csv.body());
            String rowA = "\"" + a.get("id").asText() + "\",\"" + a.get("title").asText() + "\",3,2,1,2,0";
            String rowB = "\"" + b.get("id").asText() + "\",\"" + b.get("title").asText() + "\",1,1,0,1,0";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(rowA)), csv.body());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(rowB)), csv.body());

            // Statements: the filter form is reached from the page's start with the keyboard alone.
            go(browser, "statements");
            wait(browser).until(d -> !d.findElements(By.id("statement-filters")).isEmpty());
            ((JavascriptExecutor) browser).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
            boolean reached = false;
            for (int i = 0; i < 40 && !reached; i++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                reached = (Boolean) ((JavascriptExecutor) browser).executeScript(
                        "return document.getElementById('statement-filters').contains(document.activeElement)");
            }
            assertTrue(reached, "Tab never reached the statement filters");

            // The trust's statements, ten a page: 15 of them (3 outcomes, 12 progress), so two pages.
            new Select(browser.findElement(By.id("s-trust"))).selectByValue(trust);
            new Select(browser.findElement(By.id("s-limit"))).selectByValue("10");
            List<List<String>> page1 = applyStatementFilters(browser);
            assertEquals(10, page1.size(), page1.toString());
            assertTrue(page1.stream().allMatch(r -> r.get(2).equals(trust)), page1.toString());
            browser.findElement(By.id("s-next")).click();
            wait(browser).until(d -> caption(d, "statements-table").equals("Statements, page 2"));
            List<List<String>> page2 = rows(browser, "statements-table");
            assertTrue(page2.size() >= 5, "the rest of the trust's statements: " + page2);
            assertTrue(page2.stream().noneMatch(page1::contains), "a page repeats none of the one before");
            screenshot(browser, "statements");
            browser.findElement(By.id("s-prev")).click();
            wait(browser).until(d -> caption(d, "statements-table").equals("Statements, page 1"));
            assertEquals(page1, rows(browser, "statements-table"));

            // Narrowed by verb: the two completions; by registration: learner 3's launch only.
            browser.findElement(By.id("s-verb")).sendKeys("http://adlnet.gov/expapi/verbs/completed");
            List<List<String>> completions = applyStatementFilters(browser);
            assertEquals(2, completions.size(), completions.toString());
            assertTrue(completions.stream().allMatch(r -> r.get(4).equals("completed")), completions.toString());
            String statementsCsv = browser.findElement(By.id("statements-csv")).getAttribute("href");
            browser.findElement(By.id("s-verb")).clear();
            browser.findElement(By.id("s-registration")).sendKeys(r3.get("registration"));
            new Select(browser.findElement(By.id("s-limit"))).selectByValue("25");
            List<List<String>> third = applyStatementFilters(browser);
            assertTrue(third.size() >= 12 && third.size() < 15, third.toString());
            assertTrue(third.stream().allMatch(r -> r.get(6).equals(r3.get("registration"))), third.toString());

            // The filtered statements as CSV, with the browser's own session: a header and the two completions.
            HttpResponse<String> statementLines = http.send(HttpRequest.newBuilder(URI.create(statementsCsv))
                    .header("Cookie", "hub_session=" + sessionCookie(browser)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, statementLines.statusCode(), statementLines.body());
            List<String> csvRows = statementLines.body().lines().toList();
            assertTrue(csvRows.get(0).startsWith("id,stored,timestamp"), csvRows.get(0));
            assertEquals(3, csvRows.size(), statementLines.body());
            assertTrue(csvRows.stream().skip(1).allMatch(l -> l.contains("http://adlnet.gov/expapi/verbs/completed")),
                    statementLines.body());

            // Catalogue: a filter narrows the list to the 12 seeded resources, shown 10 and then 2 per page.
            go(browser, "catalogue");
            int everything = total(browser);
            browser.findElement(By.id("cat-q")).sendKeys(word);
            new Select(browser.findElement(By.id("cat-size"))).selectByValue("10");
            browser.findElement(By.id("cat-apply")).click();
            wait(browser).until(d -> caption(d, "catalogue-table").startsWith("12 resources, page 1 of 2"));
            assertTrue(everything > 12, "unfiltered: " + everything);
            assertEquals(10, rows(browser, "catalogue-table").size());
            browser.findElement(By.id("cat-next")).click();
            wait(browser).until(d -> caption(d, "catalogue-table").startsWith("12 resources, page 2 of 2"));
            assertEquals(2, rows(browser, "catalogue-table").size());
            assertTrue(rows(browser, "catalogue-table").stream().allMatch(r -> r.get(0).contains(word)));

            // Registrations: the trust's LMS with its tool block, and a registration link to paste into an LMS.
            go(browser, "registrations");
            new Select(browser.findElement(By.id("g-trust"))).selectByValue(trust);
            browser.findElement(By.cssSelector("#view form button[type=submit]")).click();
            wait(browser).until(d -> caption(d, "platforms-table").equals("Registrations of " + trust));
            assertEquals(1, rows(browser, "platforms-table").size());
            browser.findElement(By.id("g-link")).click();
            wait(browser).until(d -> !d.findElements(By.id("g-url")).isEmpty());
            assertTrue(browser.findElement(By.id("g-url")).getAttribute("value").contains("/lti/register/"));
            screenshot(browser, "registrations");

            // A phone's width: the page fits it, the chart too.
            browser.manage().window().setSize(new Dimension(390, 844));
            go(browser, "overview");
            Number pageWidth = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth");
            Number viewport = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
            assertTrue(pageWidth.intValue() <= viewport.intValue(), "page " + pageWidth + " wider than " + viewport);
            WebElement small = browser.findElement(By.cssSelector("#activity-chart canvas"));
            assertTrue(small.getSize().getWidth() > 0 && small.getSize().getWidth() <= viewport.intValue(),
                    "chart " + small.getSize());
            screenshot(browser, "phone-overview");
            browser.manage().window().setSize(new Dimension(1280, 900));

            // Sign out; the trust-admin signs in and sees only their trust, in the page and through the API.
            browser.findElement(By.id("signout")).click();
            wait(browser).until(d -> !d.findElements(By.id("username")).isEmpty());
            signIn(browser, trustAdmin, TRUST_ADMIN_PASSWORD);
            waitFor(browser, "overview");
            List<List<String>> perTrust = rows(browser, "trusts-report");
            assertEquals(1, perTrust.size(), perTrust.toString());
            assertEquals(trust, perTrust.get(0).get(0));
            assertFalse(browser.findElement(By.cssSelector("#nav a[href='#/accounts']")).isDisplayed());
            go(browser, "trusts");
            assertEquals(List.of(trust), rows(browser, "trusts-table").stream().map(r -> r.get(0)).toList());
            assertTrue(browser.findElements(By.id("t-code")).isEmpty(), "a trust-admin cannot create trusts");
            go(browser, "credentials");
            assertEquals(List.of(trust), new Select(browser.findElement(By.id("k-trust"))).getOptions().stream()
                    .map(o -> o.getAttribute("value")).toList());

            String session = sessionCookie(browser);
            JsonNode info = JSON.readTree(asBrowser(session, null, "GET", "/admin/api/session").body());
            String csrf = info.get("csrfToken").asText();
            assertEquals(trustAdmin, info.get("username").asText());
            assertEquals(200, asBrowser(session, null, "GET", "/admin/api/trusts/" + trust + "/credentials").statusCode());
            assertEquals(404, asBrowser(session, null, "GET", "/admin/api/trusts/" + other + "/credentials").statusCode());
            assertEquals(404, asBrowser(session, null, "GET", "/admin/api/reports/compliance?trust=" + other
                    + "&dueBy=" + tomorrow).statusCode());
            assertEquals(404, asBrowser(session, csrf, "POST", "/admin/api/trusts/" + other + "/registration-links")
                    .statusCode());
            assertEquals(403, asBrowser(session, null, "POST", "/admin/api/trusts/" + trust + "/registration-links")
                    .statusCode(), "no CSRF token, no change");
            assertEquals(403, asBrowser(session, csrf, "GET", "/admin/api/accounts").statusCode());
        }
    }

    private void signIn(WebDriver browser, String user, String password) {
        browser.get(base + "admin/");
        wait(browser).until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
    }

    /** Applies the statement filters and waits for the first page they give. */
    private static List<List<String>> applyStatementFilters(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('statement-results').replaceChildren()");
        browser.findElement(By.id("s-apply")).click();
        wait(browser).until(d -> caption(d, "statements-table").equals("Statements, page 1"));
        return rows(browser, "statements-table");
    }

    private static void go(WebDriver browser, String view) {
        ((JavascriptExecutor) browser).executeScript("location.hash = '#/" + view + "'");
        waitFor(browser, view);
    }

    private static void waitFor(WebDriver browser, String view) {
        wait(browser).until(d -> view.equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /**
     * Polls until the condition holds. An element of a page being replaced (the sign-in's redirect, a view re-drawn)
     * goes stale between finding and reading it; the next poll finds the new one.
     */
    private static WebDriverWait wait(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String sessionCookie(WebDriver browser) {
        Cookie cookie = browser.manage().getCookieNamed("hub_session");
        assertTrue(cookie != null, "the browser holds no session cookie");
        return cookie.getValue();
    }

    private static String caption(WebDriver browser, String table) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#' + arguments[0] + ' caption'); return c ? c.textContent : ''", table);
        return String.valueOf(text);
    }

    private static int total(WebDriver browser) {
        wait(browser).until(d -> !caption(d, "catalogue-table").isEmpty());
        String c = caption(browser, "catalogue-table");
        return Integer.parseInt(c.substring(0, c.indexOf(' ')));
    }

    /** The table's rows as the page shows them, read in one script run (a re-rendered table leaves nothing stale). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(WebDriver browser, String table) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr:not(.empty)'))"
                        + ".map(tr => Array.from(tr.cells).map(td => td.innerText.trim()))", table);
    }

    private static List<String> row(WebDriver browser, String table, String first) {
        return rows(browser, table).stream().filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + rows(browser, table)));
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "dashboard-" + name + ".png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 1000, target + " is empty");
    }

    private HttpResponse<String> asBrowser(String session, String csrf, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(new HubClient(base).uri(path))
                .header("Cookie", "hub_session=" + session).timeout(WAIT);
        if (!"GET".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        request.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(""));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An outcome the content reports for its launch, now. */
    private static ObjectNode outcome(String verb, Map<String, String> launch, JsonNode resource, String duration)
            throws Exception {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", JSON.readTree(launch.get("actor")));
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", resource.get("activityId").asText());
        s.putObject("context").put("registration", launch.get("registration"));
        s.put("timestamp", Instant.now().toString());
        s.putObject("result").put("duration", duration);
        return s;
    }

    /** The content posts with the credential its launch handed it. */
    private void post(Map<String, String> launch, ObjectNode statement) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(launch.get("endpoint") + "statements"))
                .header("Authorization", launch.get("auth"))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json")
                .timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(statement.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** A learner's launch of a resource from the test LMS: the content's launch parameters. */
}
