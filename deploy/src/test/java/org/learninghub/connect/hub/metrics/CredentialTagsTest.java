package org.learninghub.connect.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.xapi.agent.Agent;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.auth.LrsPrincipal;
import org.learninghub.connect.xapi.auth.Restriction;
import org.junit.jupiter.api.Test;

class CredentialTagsTest {

    @Test
    void issuedCredentialsAreTaggedByKeyUpToTheBoundThenAsOther() {
        CredentialTags tags = new CredentialTags(2);
        assertEquals("k1", tags.of(caller("k1")));
        assertEquals("k2", tags.of(caller("k2")));
        assertEquals("other", tags.of(caller("k3")));
        assertEquals("k1", tags.of(caller("k1")), "a key tagged before keeps its tag");
    }

    @Test
    void everyLaunchCredentialSharesOneTag() {
        CredentialTags tags = new CredentialTags(1);
        assertEquals("launch", tags.of(launchCaller("l1")));
        assertEquals("launch", tags.of(launchCaller("l2")));
        assertEquals("k1", tags.of(caller("k1")), "launch credentials use none of the bound");
    }

    private static LrsPrincipal caller(String key) {
        return new LrsPrincipal(key, 1, Set.of(), authority(key));
    }

    private static LrsPrincipal launchCaller(String key) {
        Restriction r = new Restriction(authority("learner"), UUID.randomUUID(), "http://example.org/a", Optional.empty());
        return new LrsPrincipal(key, 1, Set.of(), authority(key), Optional.of(r));
    }

    private static Agent authority(String key) {
        return new Agent(Optional.of("test"), new Ifi.Account("http://127.0.0.1", key));
    }
}
