package org.learninghub.connect.xapi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;

class AgentJsonTest {

    private static Agent parse(String json) {
        return AgentJson.parseParameter(json, "agent");
    }

    private static XapiException rejected(String json) {
        return assertThrows(XapiException.class, () -> parse(json));
    }

    @Test
    void eachKindOfIfiHasItsNormalisedKey() {
        assertEquals("mbox:mailto:a@example.org", parse("{\"mbox\":\"mailto:a@example.org\"}").ifi().key());
        assertEquals("mbox_sha1sum:" + "ab".repeat(20),
                parse("{\"mbox_sha1sum\":\"" + "AB".repeat(20) + "\"}").ifi().key());
        assertEquals("openid:https://id.example.org/a", parse("{\"openid\":\"https://id.example.org/a\"}").ifi().key());
        assertEquals("account:https://lms.example.org|42",
                parse("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}").ifi().key());
    }

    @Test
    void nameIsKept() {
        assertEquals("Ann", parse("{\"name\":\"Ann\",\"mbox\":\"mailto:a@example.org\"}").name().orElseThrow());
    }

    @Test
    void agentWithoutIfiIsRejected() {
        assertTrue(rejected("{\"name\":\"Ann\"}").getMessage().contains("exactly one"));
    }

    @Test
    void agentWithTwoIfisIsRejected() {
        XapiException e = rejected("{\"mbox\":\"mailto:a@example.org\",\"openid\":\"https://id.example.org/a\"}");
        assertTrue(e.getMessage().contains("exactly one IFI"), e.getMessage());
    }

    @Test
    void mboxMustBeAMailtoIri() {
        assertEquals("agent.mbox", rejected("{\"mbox\":\"a@example.org\"}").path());
    }

    @Test
    void sha1SumMustBe40HexDigits() {
        assertEquals("agent.mbox_sha1sum", rejected("{\"mbox_sha1sum\":\"xyz\"}").path());
    }

    @Test
    void accountNeedsAnAbsoluteHomePageAndAName() {
        assertEquals("agent.account.homePage", rejected("{\"account\":{\"homePage\":\"lms\",\"name\":\"1\"}}").path());
        assertEquals("agent.account.name", rejected("{\"account\":{\"homePage\":\"https://lms.example.org\"}}").path());
        assertEquals("agent.account.id",
                rejected("{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"1\",\"id\":2}}").path());
    }

    @Test
    void unknownPropertiesAndWrongObjectTypeAreRejected() {
        assertEquals("agent.age", rejected("{\"mbox\":\"mailto:a@example.org\",\"age\":3}").path());
        assertEquals("agent.objectType", rejected("{\"objectType\":\"Group\",\"mbox\":\"mailto:a@example.org\"}").path());
    }

    @Test
    void nullWhereAStringBelongsIsRejected() {
        assertEquals("agent.name", rejected("{\"name\":null,\"mbox\":\"mailto:a@example.org\"}").path());
    }

    @Test
    void brokenJsonIsRejectedNamingTheParameter() {
        assertEquals("agent", rejected("{\"mbox\":").path());
        assertEquals("agent", rejected("{\"mbox\":\"mailto:a@example.org\",\"mbox\":\"mailto:b@example.org\"}").path());
    }

    /** xapi_statement_agent.ifi is VARCHAR(2100): the key ("mbox:" + the IRI) must fit. */
    @Test
    void anMboxLongerThanTheIfiColumnIsRejectedNamingIt() {
        String fits = "mailto:" + "a".repeat(Ifi.MAX_KEY - "mbox:".length() - "mailto:@example.org".length()) + "@example.org";
        assertEquals(Ifi.MAX_KEY, parse("{\"mbox\":\"" + fits + "\"}").ifi().key().length());
        XapiException e = rejected("{\"mbox\":\"mailto:a" + fits.substring("mailto:".length()) + "\"}");
        assertEquals("agent.mbox", e.path());
        assertTrue(e.getMessage().contains("at most 2095 characters"), e.getMessage());
    }

    @Test
    void anOpenIdLongerThanTheIfiColumnIsRejectedNamingIt() {
        String uri = "https://id.example.org/" + "o".repeat(Ifi.MAX_KEY);
        assertEquals("agent.openid", rejected("{\"openid\":\"" + uri + "\"}").path());
    }

    @Test
    void anAccountLongerThanTheIfiColumnIsRejectedNamingIt() {
        XapiException e = rejected("{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\""
                + "n".repeat(Ifi.MAX_KEY) + "\"}}");
        assertEquals("agent.account", e.path());
        assertTrue(e.getMessage().contains("homePage and name together"), e.getMessage());
    }

    /** The length is checked before the mailto pattern runs, so a huge value costs one comparison. */
    @Test
    void aHugeMboxIsRejectedForItsLengthFirst() {
        XapiException e = rejected("{\"mbox\":\"mailto:" + "a".repeat(1_000_000) + "\"}");
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void toJsonRoundTrips() {
        Agent agent = parse("{\"name\":\"Ann\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}");
        assertEquals(agent, AgentJson.parseAgent(agent.toJson(), "agent"));
    }
}
