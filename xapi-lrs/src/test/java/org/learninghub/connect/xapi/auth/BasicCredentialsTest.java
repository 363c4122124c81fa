package org.learninghub.connect.xapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String header(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwordMayContainColons() {
        assertEquals(new BasicCredentials("key", "se:cr:et"), BasicCredentials.parse(header("key:se:cr:et")).orElseThrow());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertTrue(BasicCredentials.parse(header("a:b").replace("Basic", "basic")).isPresent());
    }

    @Test
    void malformedHeadersProveNothing() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!notbase64").isEmpty());
        assertTrue(BasicCredentials.parse(header("no-colon")).isEmpty());
    }
}
