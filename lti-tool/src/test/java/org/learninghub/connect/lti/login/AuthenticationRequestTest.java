package org.learninghub.connect.lti.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationRequestTest {

    final AuthenticationRequest request = new AuthenticationRequest(URI.create("https://lms.example/auth?tenant=9"),
            "client-1", URI.create("https://hub.example/lti/launch"), "user 1&x", Optional.of("{\"m\":1}"), "S", "N");

    @Test
    void sendsExactlyTheParametersPlatformsCheck() {
        assertEquals(List.of("scope", "response_type", "response_mode", "prompt", "client_id", "redirect_uri",
                "login_hint", "lti_message_hint", "state", "nonce"), List.copyOf(request.parameters().keySet()));
        assertEquals("openid", request.parameters().get("scope"));
        assertEquals("id_token", request.parameters().get("response_type"));
        assertEquals("form_post", request.parameters().get("response_mode"));
        assertEquals("none", request.parameters().get("prompt"));
        assertEquals("user 1&x", request.parameters().get("login_hint"));
    }

    @Test
    void keepsThePlatformsQueryAndEncodesValues() {
        String uri = request.toUri().toString();
        assertTrue(uri.startsWith("https://lms.example/auth?tenant=9&scope=openid&"), uri);
        assertTrue(uri.contains("login_hint=user+1%26x"), uri);
        assertTrue(uri.contains("redirect_uri=https%3A%2F%2Fhub.example%2Flti%2Flaunch"), uri);
    }

    @Test
    void leavesOutAnAbsentMessageHint() {
        var bare = new AuthenticationRequest(URI.create("https://lms.example/auth"), "c", URI.create("https://h/l"),
                "u", Optional.empty(), "S", "N");
        assertTrue(!bare.parameters().containsKey("lti_message_hint"));
        assertTrue(bare.toUri().toString().startsWith("https://lms.example/auth?scope=openid"));
    }
}
