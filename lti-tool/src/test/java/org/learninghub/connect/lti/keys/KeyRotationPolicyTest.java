package org.learninghub.connect.lti.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final KeyRotationPolicy policy = new KeyRotationPolicy(Duration.ofDays(90), Duration.ofDays(1), Duration.ofDays(7));

    static ToolKey key(String kid, Instant activates) throws Exception {
        return new ToolKey(new RSAKeyGenerator(2048).keyID(kid).generate(), activates, activates);
    }

    @Test
    void theFirstKeySignsAtOnce() {
        assertEquals(T0, policy.nextActivation(List.of(), T0).orElseThrow());
    }

    @Test
    void noSuccessorBeforeRotationIsDue() throws Exception {
        assertTrue(policy.nextActivation(List.of(key("a", T0)), T0.plus(Duration.ofDays(88))).isEmpty());
    }

    @Test
    void successorIsMadeAPublishPeriodBeforeItSigns() throws Exception {
        Instant due = T0.plus(Duration.ofDays(89));
        assertEquals(due.plus(Duration.ofDays(1)), policy.nextActivation(List.of(key("a", T0)), due).orElseThrow());
    }

    @Test
    void aWaitingSuccessorIsPublishedButDoesNotSign() throws Exception {
        Instant now = T0.plus(Duration.ofDays(89));
        List<ToolKey> keys = List.of(key("a", T0), key("b", now.plus(Duration.ofDays(1))));
        assertEquals("a", policy.signing(keys, now).orElseThrow().kid());
        assertEquals(List.of("a", "b"), policy.published(keys, now).stream().map(ToolKey::kid).toList());
        assertTrue(policy.nextActivation(keys, now).isEmpty());
    }

    @Test
    void aSupersededKeyStaysPublishedForTheGracePeriodOnly() throws Exception {
        Instant switchover = T0.plus(Duration.ofDays(90));
        List<ToolKey> keys = List.of(key("a", T0), key("b", switchover));
        Instant inGrace = switchover.plus(Duration.ofDays(6));
        assertEquals("b", policy.signing(keys, inGrace).orElseThrow().kid());
        assertEquals(List.of("a", "b"), policy.published(keys, inGrace).stream().map(ToolKey::kid).toList());
        Instant afterGrace = switchover.plus(Duration.ofDays(8));
        assertEquals(List.of("b"), policy.published(keys, afterGrace).stream().map(ToolKey::kid).toList());
    }

    @Test
    void aRotationOnAnEmptyRingStillGetsAKeyThatSignsAtOnce() throws Exception {
        List<ToolKey> onlyWaiting = List.of(key("waiting", T0.plus(Duration.ofDays(1))));
        assertTrue(policy.signing(onlyWaiting, T0).isEmpty());
        assertEquals(T0, policy.nextActivation(onlyWaiting, T0).orElseThrow());
    }
}
