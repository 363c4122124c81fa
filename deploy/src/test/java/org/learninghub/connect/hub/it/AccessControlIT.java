package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Authentication is the container's: no spelling of an admin or xAPI path the router accepts reaches
 * a resource without credentials, and cross-site form posts cannot change anything.
 *
 * <p>On a server of its own ({@link OwnHubServer}): {@link #repeatedWrongPasswordsAreSlowedForThatUserOnly}
 * spends the sign-in throttle's budget of failures for the client address, 127.0.0.1, which every test shares
 * and which the server forgets only a quarter of an hour after the last failure. On the shared server those
 * failures would add to every other class's, so that the administrator could be slowed there (and this test's
 * "not locked out" would depend on what ran before it); here the address's count is this class's alone.
 */
@OwnHubServer
class AccessControlIT extends HubIT {

    /** Every admin resource and method, with placeholders the test fills in. */
    private static final List<String[]> ADMIN_ENDPOINTS = List.of(
            new String[] {"GET", "admin/api/trusts"},
            new String[] {"POST", "admin/api/trusts"},
            new String[] {"GET", "admin/api/trusts/{trust}"},
            new String[] {"PATCH", "admin/api/trusts/{trust}"},
            new String[] {"GET", "admin/api/trusts/{trust}/credentials"},
            new String[] {"POST", "admin/api/trusts/{trust}/credentials"},
            new String[] {"DELETE", "admin/api/trusts/{trust}/credentials/{key}"},
            new String[] {"GET", "admin/api/trusts/{trust}/platforms"},
            new String[] {"POST", "admin/api/trusts/{trust}/platforms"},
            new String[] {"GET", "admin/api/trusts/{trust}/platforms/1"},
            new String[] {"PUT", "admin/api/trusts/{trust}/platforms/1"},
            new String[] {"POST", "admin/api/trusts/{trust}/platforms/1/disable"},
            new String[] {"POST", "admin/api/trusts/{trust}/platforms/1/enable"},
            new String[] {"GET", "admin/api/lti/keys"},
            new String[] {"POST", "admin/api/lti/keys/rotate"},
            new String[] {"POST", "admin/api/trusts/{trust}/registration-links"},
            new String[] {"GET", "admin/api/resources"},
            new String[] {"POST", "admin/api/resources"},
            new String[] {"GET", "admin/api/resources/1"},
            new String[] {"PUT", "admin/api/resources/1"},
            new String[] {"DELETE", "admin/api/resources/1"},
            new String[] {"POST", "admin/api/resources/1/publish"},
            new String[] {"GET", "admin/api/imports"},
            new String[] {"POST", "admin/api/imports"},
            new String[] {"GET", "admin/api/imports/template"},
            new String[] {"GET", "admin/api/launches/00000000-0000-0000-0000-000000000001/rejections"},
            new String[] {"GET", "admin/api/trusts/{trust}/learners/aHR0cHM6Ly9sbXMuZXhhbXBsZQ/learner-1/export"},
            new String[] {"POST", "admin/api/trusts/{trust}/learners/aHR0cHM6Ly9sbXMuZXhhbXBsZQ/learner-1/erase"},
            new String[] {"GET", "admin/api/launches"},
            new String[] {"GET", "admin/api/outbox"},
            new String[] {"POST", "admin/api/outbox/1/retry"},
            new String[] {"GET", "admin/api/accounts"},
            new String[] {"POST", "admin/api/accounts"},
            new String[] {"GET", "admin/api/accounts/it-admin"},
            new String[] {"POST", "admin/api/accounts/it-admin/disable"},
            new String[] {"POST", "admin/api/accounts/it-admin/password"},
            new String[] {"GET", "admin/api/account"},
            new String[] {"PUT", "admin/api/account/password"},
            new String[] {"GET", "admin/api/trusts/{trust}/erasures"},
            new String[] {"GET", "admin/api/reports/activity"},
            new String[] {"GET", "admin/api/reports/trusts"},
            new String[] {"GET", "admin/api/reports/resources"},
            new String[] {"GET", "admin/api/reports/compliance"},
            new String[] {"POST", "admin/api/reports/compaction"},
            new String[] {"GET", "admin/api/statements"},
            new String[] {"GET", "admin/api/account/tokens"},
            new String[] {"POST", "admin/api/account/tokens"},
            new String[] {"DELETE", "admin/api/account/tokens/00000000-0000-0000-0000-000000000001"},
            new String[] {"GET", "admin/api/accounts/it-admin/tokens"},
            new String[] {"DELETE", "admin/api/accounts/it-admin/tokens/00000000-0000-0000-0000-000000000001"},
            new String[] {"GET", "admin/api/session"},
            new String[] {"PUT", "admin/api/accounts/it-admin/oidc-subject"});

    private static final List<String[]> XAPI_ENDPOINTS = List.of(
            new String[] {"GET", "xapi/statements"},
            new String[] {"POST", "xapi/statements"},
            new String[] {"GET", "xapi/activities/state?activityId=http%3A%2F%2Fx.example%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Aa%40x.example%22%7D&stateId=s"},
            new String[] {"GET", "xapi/agents?agent=%7B%22mbox%22%3A%22mailto%3Aa%40x.example%22%7D"},
            new String[] {"GET", "xapi/activities?activityId=http%3A%2F%2Fx.example%2Fa"});

    /** Ways to spell a path that a lenient router might still match (every segment gets its turn). */
    static List<String> spellings(String path) {
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/");
        out.add("/" + path);
        for (int i = 0; i < segments.length; i++) {
            out.add("/" + withSegment(segments, i, segments[i] + ";x"));
            out.add("/" + withSegment(segments, i, segments[i] + ";"));
            out.add("/" + withSegment(segments, i, segments[i] + ";a=b;c"));
            out.add("/" + withSegment(segments, i, "%" + Integer.toHexString(segments[i].charAt(0)) + segments[i].substring(1)));
            out.add("/" + withSegment(segments, i, segments[i] + "/."));
            out.add("/" + withSegment(segments, i, "x/../" + segments[i]));
            out.add("/" + withSegment(segments, i, "/" + segments[i]));
            out.add("/" + withSegment(segments, i, segments[i].toUpperCase()));
            out.add("/" + withSegment(segments, i, segments[i] + "%20"));
            out.add("/" + withSegment(segments, i, segments[i] + "%2F"));
        }
        out.add("/" + path + "/");
        out.add("/" + path + "?x=1");
        out.add("//" + path);
        out.add("/./" + path);
        return out;
    }

    private static String withSegment(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return String.join("/", copy);
    }

    @Test
    void noSpellingOfAnAdminPathAnswersWithoutCredentials() {
        HubClient hub = new HubClient(base);
        String trust = XapiCredential.newTrust(hub);
        String key = XapiCredential.issueTo(hub, trust, "all").key();
        int trustsBefore = trustCount(hub);
        List<String> reached = new ArrayList<>();
        int tried = 0;
        for (String[] endpoint : ADMIN_ENDPOINTS) {
            String path = endpoint[1].replace("{trust}", trust).replace("{key}", key);
            for (String spelling : spellings(path)) {
                tried++;
                HttpResponse<String> answer = anonymous(hub, endpoint[0], spelling, "{\"code\":\"EVIL1\",\"name\":\"x\"}");
                if (!refused(answer.statusCode()) && !answeredByTheHttpLayer(spelling, answer)) {
                    reached.add(endpoint[0] + " " + spelling + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertTrue(reached.isEmpty(), "reached without credentials (" + reached.size() + " of " + tried + "):\n"
                + String.join("\n", reached));
        assertEquals(trustsBefore, trustCount(hub), "no trust may be created without credentials");
        assertTrue(XapiCredentialList.contains(hub, trust, key), "the credential must not be revoked");
    }

    /**
     * The dashboard's page and files are open (they hold no data); no spelling that starts inside them reaches
     * the admin API without credentials.
     */
    @Test
    void theDashboardFilesAreOpenAndLeadNowhereElse() {
        HubClient hub = new HubClient(base);
        for (String open : List.of("/admin/", "/admin/index.html", "/admin/assets/dashboard.js",
                "/admin/assets/dashboard.css", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")) {
            assertEquals(200, hub.get(open).statusCode(), open);
        }
        List<String> reached = new ArrayList<>();
        for (String via : List.of("/admin/assets/../api/trusts", "/admin/assets/%2e%2e/api/trusts",
                "/admin/assets/..;/api/trusts", "/admin/assets/..%2Fapi/trusts", "/admin/index.html/../api/trusts",
                "/admin/./api/trusts", "/admin/assets/x/../../api/session", "/admin/assets;x/../api/trusts",
                "/admin;x/api/accounts/it-admin/tokens", "/admin;/api/accounts/it-admin/tokens",
                "/admin/;x/api/accounts/it-admin/tokens", "/admin/;/api/accounts/it-admin/tokens",
                "/admin/index.html;/api/accounts/it-admin/tokens", "/admin/index.html;x/../api/accounts/it-admin/tokens",
                "/admin/assets/dashboard.js;/../../api/accounts/it-admin/tokens", "/admin", "/admin;x")) {
            HttpResponse<String> answer = anonymous(hub, "GET", via, "");
            if (!refused(answer.statusCode()) && !answeredByTheHttpLayer(via, answer)) {
                reached.add(via + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertTrue(reached.isEmpty(), "reached without credentials:\n" + String.join("\n", reached));
    }

    @Test
    void noSpellingOfAnXapiPathAnswersWithoutCredentials() {
        HubClient hub = new HubClient(base);
        List<String> reached = new ArrayList<>();
        for (String[] endpoint : XAPI_ENDPOINTS) {
            String path = endpoint[1];
            String query = "";
            int q = path.indexOf('?');
            if (q >= 0) {
                query = path.substring(q);
                path = path.substring(0, q);
            }
            for (String spelling : spellings(path)) {
                String target = spelling.contains("?") ? spelling : spelling + query;
                HttpResponse<String> answer = hub.send(hub.request(target)
                        .header("X-Experience-API-Version", "1.0.3")
                        .header("Content-Type", "application/json")
                        .method(endpoint[0], endpoint[0].equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("[]")));
                if (!refused(answer.statusCode())) {
                    reached.add(endpoint[0] + " " + target + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertTrue(reached.isEmpty(), "reached without credentials:\n" + String.join("\n", reached));
    }

    @Test
    void anLrsCredentialIsNoAdministratorAndAnAdministratorIsNoLrsCredential() {
        HubClient hub = new HubClient(base);
        XapiCredential lrs = XapiCredential.issue(hub, "all");
        HttpResponse<String> asLrs = hub.send(hub.request("/admin/api/trusts")
                .header("Authorization", lrs.authorization()).GET());
        assertTrue(asLrs.statusCode() == 401 || asLrs.statusCode() == 403, asLrs.statusCode() + " " + asLrs.body());

        HttpResponse<String> asAdmin = hub.send(hub.admin("/xapi/statements").header("X-Experience-API-Version", "1.0.3").GET());
        assertTrue(asAdmin.statusCode() == 401 || asAdmin.statusCode() == 403, asAdmin.statusCode() + " " + asAdmin.body());
    }

    @Test
    void crossSiteFormPostsCannotChangeAdminState() {
        HubClient hub = new HubClient(base);
        String trust = XapiCredential.newTrust(hub);
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain")) {
            HttpResponse<String> rotate = hub.send(hub.admin("/admin/api/lti/keys/rotate").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")));
            assertEquals(415, rotate.statusCode(), type + ": " + rotate.body());
            HttpResponse<String> create = hub.send(hub.admin("/admin/api/trusts/" + trust + "/credentials")
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n\",\"scopes\":[\"all\"]}")));
            assertEquals(415, create.statusCode(), type + ": " + create.body());
        }
        HttpResponse<String> noType = hub.send(hub.admin("/admin/api/lti/keys/rotate").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(415, noType.statusCode(), noType.body());
        HttpResponse<String> json = hub.send(hub.admin("/admin/api/lti/keys/rotate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, json.statusCode(), json.body());
        assertFalse(XapiCredentialList.contains(hub, trust, "nothing"), "no credential was issued by a form post");
        assertEquals("[]", hub.send(hub.admin("/admin/api/trusts/" + trust + "/credentials").GET()).body());
    }

    @Test
    void anAlternateSyntaxFormIsBoundedBeforeItIsRead() {
        // A client of its own per oversized request: the server answers early and closes the connection.
        byte[] big = new byte[1024 * 1024 + 1000];
        java.util.Arrays.fill(big, (byte) 'a');
        HubClient hub = new HubClient(base);
        HttpResponse<String> oversized = hub.send(hub.request("/xapi/statements?method=PUT")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertEquals(413, oversized.statusCode(), oversized.body());
        assertTrue(oversized.body().contains("hub.limit.alternate-syntax.bytes"), oversized.body());

        hub = new HubClient(base);
        HttpResponse<String> chunked = hub.send(hub.request("/xapi;x/statements?method=PUT")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertEquals(411, chunked.statusCode(), chunked.body());
        assertEquals(200, new HubClient(base).get("/health/ready").statusCode(), "the server is unharmed");
    }

    /**
     * Bodies of 1 GiB, twice the test server's heap, declared and chunked, to every family, with and
     * without credentials: each refused early with a 4xx (or the connection closed on it), and the server
     * neither holds them (resident memory within 256 MiB of a server that has already seen 10 MB bodies: far
     * below one hostile body, far above the JVM's own heap growth) nor swallows the rest after answering
     * (the client is never drained of more than 256 MiB, the largest family limit plus the listener's
     * 1 MiB swallow bound and socket buffers).
     */
    @Test
    void hugeBodiesToEveryFamilyAreNeitherHeldNorSwallowed() {
        HubClient hub = new HubClient(base);
        XapiCredential lrs = XapiCredential.issue(hub, "all");
        long pid = ServerProcess.listeningOn(base.getPort());
        sendToEveryFamily(hub, lrs, 10L * 1024 * 1024);
        long idle = ServerProcess.residentBytes(pid);
        long mostSent = sendToEveryFamily(hub, lrs, 1024L * 1024 * 1024);
        long grown = ServerProcess.residentBytes(pid) - idle;
        assertTrue(grown < 256L * 1024 * 1024, "resident memory grew by " + grown / 1024 / 1024 + " MB");
        assertTrue(mostSent < 256L * 1024 * 1024, "the server took " + mostSent / 1024 / 1024 + " MB of one body");
        assertEquals(200, new HubClient(base).get("/health/ready").statusCode());
    }

    /** Sends a body of this size to every family; answers the most bytes the server took of any one body. */
    private long sendToEveryFamily(HubClient hub, XapiCredential lrs, long size) {
        String state = "/xapi/activities/state?activityId=http%3A%2F%2Fx.example%2Fa&stateId=s&agent="
                + "%7B%22mbox%22%3A%22mailto%3Aa%40x.example%22%7D";
        List<HttpRequest.Builder> attacks = List.of(
                lrs.xapi(hub, "/xapi/statements", "2.0.0").header("Content-Type", "application/json"),
                lrs.xapi(hub, "/xapi/statements", "2.0.0").header("Content-Type", "multipart/mixed; boundary=z"),
                lrs.xapi(hub, state, "2.0.0").header("Content-Type", "application/json"),
                hub.request("/xapi/statements").header("Content-Type", "application/json"),
                hub.request("/xapi/statements?method=PUT").header("Content-Type", "application/x-www-form-urlencoded"),
                hub.admin("/admin/api/trusts").header("Content-Type", "application/json"),
                hub.request("/admin/api/trusts").header("Content-Type", "application/json"),
                hub.request("/lti/login").header("Content-Type", "application/x-www-form-urlencoded"),
                hub.request("/lti/launch").header("Content-Type", "application/x-www-form-urlencoded"));
        long mostSent = 0;
        for (HttpRequest.Builder attack : attacks) {
            for (boolean chunked : new boolean[] {false, true}) {
                java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
                HttpRequest.BodyPublisher body = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> ServerProcess.filler(size, sent))
                        : HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> ServerProcess.filler(size, sent)), size);
                HttpRequest request = attack.copy().POST(body).build();
                int status;
                try {
                    status = new HubClient(base).send(HttpRequest.newBuilder(request, (n, v) -> true)).statusCode();
                } catch (java.io.UncheckedIOException closed) {
                    assertFalse(closed.getCause() instanceof java.net.http.HttpTimeoutException,
                            request.uri() + " was not answered");
                    status = -1;
                }
                assertTrue(status == -1 || (status >= 400 && status < 500),
                        request.uri() + " chunked=" + chunked + " -> " + status);
                mostSent = Math.max(mostSent, sent.get());
            }
        }
        return mostSent;
    }

    @Test
    void repeatedWrongPasswordsAreSlowedForThatUserOnly() {
        HubClient hub = new HubClient(base);
        String user = HubClient.uniqueCode("guess").toLowerCase();
        int attempts = 0;
        HttpResponse<String> last;
        do {
            last = hub.send(hub.request("/admin/api/trusts").header("Authorization", HubClient.basic(user, "wrong" + attempts)).GET());
            attempts++;
        } while (last.statusCode() == 401 && attempts < 10);
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(attempts > 1, "a few failures are free");
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, hub.send(hub.admin("/admin/api/trusts").GET()).statusCode(),
                "the administrator signing in from the same address is not locked out");
    }

    /**
     * Payara's HTTP layer answers a POST or PUT whose path ends in a dot segment ({@code …/.}) itself,
     * with an empty 200, without dispatching it to the application (seen for any path, existing or not).
     * Nothing runs, nothing is returned; the trust and credential checks of the test still apply.
     */
    private static boolean answeredByTheHttpLayer(String spelling, HttpResponse<String> answer) {
        return spelling.endsWith("/.") && answer.statusCode() == 200 && answer.body().isEmpty()
                && answer.headers().firstValue("Date").isEmpty();
    }

    private static boolean refused(int status) {
        return Set.of(400, 401, 403, 404, 405).contains(status);
    }

    private static HttpResponse<String> anonymous(HubClient hub, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.uri("/") + path.substring(1)))
                .header("Content-Type", "application/json");
        return hub.send(request.method(method, method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static int trustCount(HubClient hub) {
        String body = hub.send(hub.admin("/admin/api/trusts").GET()).body();
        return body.split("\"code\"", -1).length - 1;
    }

    /** Reads a trust's credential list as the administrator. */
    private static final class XapiCredentialList {
        static boolean contains(HubClient hub, String trust, String key) {
            return hub.send(hub.admin("/admin/api/trusts/" + trust + "/credentials").GET()).body().contains(key);
        }
    }
}
