package org.learninghub.connect.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The composed Hub on PostgreSQL: health, OpenAPI, metrics and the trust admin API over real HTTP. */
class HealthAndAdminIT extends HubIT {
    @Test
    void readinessReportsTheDatabaseUp() {
        HttpResponse<String> ready = new HubClient(base).get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("PostgreSQL"), "the tests run against PostgreSQL: " + ready.body());
    }

    @Test
    void livenessOpenApiAndMetricsAreServed() {
        HubClient hub = new HubClient(base);
        assertEquals(200, hub.get("/health/live").statusCode());
        HttpResponse<String> openapi = hub.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/admin/api/trusts"), openapi.body());
        assertEquals(200, hub.get("/metrics").statusCode());
    }

    @Test
    void adminApiRefusesMissingAndWrongCredentials() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> none = hub.get("/admin/api/trusts");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        HttpResponse<String> wrong = hub.send(hub.request("/admin/api/trusts")
                .header("Authorization", HubClient.basic(HubClient.ADMIN_USER, "not-the-password")).GET());
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void createsAndListsATrust() {
        HubClient hub = new HubClient(base);
        String code = HubClient.uniqueCode("T");
        HttpResponse<String> created = hub.adminPost("/admin/api/trusts",
                "{\"code\":\"" + code + "\",\"name\":\"Test Trust " + code + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"status\":\"ACTIVE\""), created.body());

        HttpResponse<String> again = hub.adminPost("/admin/api/trusts", "{\"code\":\"" + code + "\",\"name\":\"x\"}");
        assertEquals(409, again.statusCode(), again.body());

        HttpResponse<String> list = hub.send(hub.admin("/admin/api/trusts").GET());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(code), list.body());
    }

    @Test
    void badTrustInputIsA400NamingTheField() {
        HubClient hub = new HubClient(base);
        HttpResponse<String> badCode = hub.adminPost("/admin/api/trusts", "{\"code\":\"no spaces\",\"name\":\"x\"}");
        assertEquals(400, badCode.statusCode(), badCode.body());
        assertTrue(badCode.body().contains("\"field\":\"code\""), badCode.body());

        HttpResponse<String> unknown = hub.adminPost("/admin/api/trusts", "{\"code\":\"AB1\",\"name\":\"x\",\"colour\":1}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("colour"), unknown.body());

        HttpResponse<String> broken = hub.adminPost("/admin/api/trusts", "{\"code\":");
        assertEquals(400, broken.statusCode(), broken.body());
    }
}
