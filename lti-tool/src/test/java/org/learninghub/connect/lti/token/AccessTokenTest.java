package org.learninghub.connect.lti.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private static AccessToken parse(String json) {
        return AccessToken.parse(json.getBytes(StandardCharsets.UTF_8), "s", MARGIN, NOW);
    }

    @Test
    void isRefreshedTheMarginBeforeItExpires() {
        AccessToken token = parse("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        assertEquals(NOW.plusSeconds(3540), token.refreshAt());
        assertTrue(token.usableAt(NOW.plusSeconds(3539)));
        assertFalse(token.usableAt(NOW.plusSeconds(3540)));
    }

    @Test
    void aShortLivedTokenKeepsHalfItsLife() {
        assertEquals(NOW.plusSeconds(30), parse("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":60}").refreshAt());
    }

    @Test
    void withoutExpiresInItIsKeptBriefly() {
        assertEquals(NOW.plusSeconds(30), parse("{\"access_token\":\"t\",\"token_type\":\"Bearer\"}").refreshAt());
    }

    @Test
    void malformedAnswersAreInvalid() {
        for (String json : new String[] {"", "[]", "{\"token_type\":\"Bearer\"}", "{\"access_token\":5,\"token_type\":\"Bearer\"}",
                "{\"access_token\":\"t\",\"token_type\":\"MAC\"}", "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}",
                "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":0}",
                "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":1.5}"}) {
            assertThrows(PlatformAnswerInvalidException.class, () -> parse(json), json);
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertFalse(parse("{\"access_token\":\"secret-value\",\"token_type\":\"Bearer\"}").toString().contains("secret-value"));
    }
}
