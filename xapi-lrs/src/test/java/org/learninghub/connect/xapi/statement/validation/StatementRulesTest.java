package org.learninghub.connect.xapi.statement.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;

class StatementRulesTest {

    static final String ACTOR = "{\"mbox\":\"mailto:learner@example.org\"}";
    static final String VERB = "{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en-US\":\"completed\"}}";
    static final String OBJECT = "{\"id\":\"http://example.org/activity/1\"}";

    static String statement(String extra) {
        return "{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + OBJECT + extra + "}";
    }

    static XapiException refused(String json, XapiVersion version) {
        return assertThrows(XapiException.class, () -> StatementRules.validate(XapiJson.parse(json, ""), "", version));
    }

    static ObjectNode accepted(String json, XapiVersion version) {
        return StatementRules.validate(XapiJson.parse(json, ""), "", version);
    }

    @Test
    void acceptsMinimalStatement() {
        assertEquals("http://example.org/activity/1", accepted(statement(""), XapiVersion.V1_0_3).get("object").get("id").asText());
    }

    @Test
    void refusesMissingVerbNamingIt() {
        XapiException e = refused("{\"actor\":" + ACTOR + ",\"object\":" + OBJECT + "}", XapiVersion.V2_0_0);
        assertEquals("verb", e.path());
        assertEquals(400, e.status().getStatusCode());
    }

    @Test
    void refusesUnknownTopLevelProperty() {
        assertEquals("foo", refused(statement(",\"foo\":1"), XapiVersion.V2_0_0).path());
    }

    @Test
    void refusesAgentWithTwoIfis() {
        XapiException e = refused("{\"actor\":{\"mbox\":\"mailto:a@b.c\",\"openid\":\"http://o.example\"},\"verb\":" + VERB
                + ",\"object\":" + OBJECT + "}", XapiVersion.V2_0_0);
        assertEquals("actor", e.path());
    }

    @Test
    void refusesAnonymousGroupWithoutMembers() {
        XapiException e = refused("{\"actor\":{\"objectType\":\"Group\",\"name\":\"g\"},\"verb\":" + VERB
                + ",\"object\":" + OBJECT + "}", XapiVersion.V2_0_0);
        assertEquals("actor", e.path());
    }

    @Test
    void refusesGroupAsGroupMember() {
        String group = "{\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\",\"mbox\":\"mailto:g@x.org\"}]}";
        assertEquals("actor.member[0]", refused("{\"actor\":" + group + ",\"verb\":" + VERB + ",\"object\":" + OBJECT + "}",
                XapiVersion.V2_0_0).path());
    }

    @Test
    void refusesScaledScoreOutOfRange() {
        assertEquals("result.score.scaled", refused(statement(",\"result\":{\"score\":{\"scaled\":1.5}}"), XapiVersion.V1_0_3).path());
    }

    @Test
    void refusesRawAboveMax() {
        assertEquals("result.score.raw", refused(statement(",\"result\":{\"score\":{\"raw\":11,\"min\":0,\"max\":10}}"),
                XapiVersion.V1_0_3).path());
    }

    @Test
    void refusesBadDuration() {
        assertEquals("result.duration", refused(statement(",\"result\":{\"duration\":\"1 hour\"}"), XapiVersion.V1_0_3).path());
        accepted(statement(",\"result\":{\"duration\":\"PT1H30M2.5S\"}"), XapiVersion.V1_0_3);
    }

    @Test
    void refusesRevisionWhenObjectIsNotAnActivity() {
        String json = "{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + ACTOR.replace("{", "{\"objectType\":\"Agent\",")
                + ",\"context\":{\"revision\":\"r1\"}}";
        assertEquals("context.revision", refused(json, XapiVersion.V2_0_0).path());
    }

    @Test
    void normalisesSingleContextActivityToArray() {
        ObjectNode s = accepted(statement(",\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"http://example.org/p\"}}}"),
                XapiVersion.V1_0_3);
        assertTrue(s.get("context").get("contextActivities").get("parent").isArray());
    }

    @Test
    void contextAgentsOnlyIn2() {
        String ctx = ",\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":" + ACTOR
                + ",\"relevantTypes\":[\"http://example.org/t\"]}]}";
        accepted(statement(ctx), XapiVersion.V2_0_0);
        assertEquals("context.contextAgents", refused(statement(ctx), XapiVersion.V1_0_3).path());
    }

    @Test
    void refusesTimestampWithoutOffset() {
        assertEquals("timestamp", refused(statement(",\"timestamp\":\"2024-01-01T10:00:00\""), XapiVersion.V2_0_0).path());
        assertEquals("timestamp", refused(statement(",\"timestamp\":\"2024-01-01T10:00:00-00:00\""), XapiVersion.V2_0_0).path());
        accepted(statement(",\"timestamp\":\"2024-01-01T10:00:00.123+01:00\""), XapiVersion.V2_0_0);
    }

    @Test
    void refusesBadLanguageTag() {
        assertEquals("verb.display.not a tag", refused("{\"actor\":" + ACTOR
                + ",\"verb\":{\"id\":\"http://example.org/v\",\"display\":{\"not a tag\":\"x\"}},\"object\":" + OBJECT + "}",
                XapiVersion.V2_0_0).path());
    }

    @Test
    void refusesExtensionKeyThatIsNotAnIri() {
        assertEquals("result.extensions.score", refused(statement(",\"result\":{\"extensions\":{\"score\":1}}"),
                XapiVersion.V2_0_0).path());
    }

    @Test
    void interactionComponentsMustFitTheInteractionType() {
        String def = "{\"id\":\"http://example.org/q\",\"definition\":{\"interactionType\":\"true-false\","
                + "\"choices\":[{\"id\":\"a\"}]}}";
        assertEquals("object.definition.choices", refused("{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + def + "}",
                XapiVersion.V2_0_0).path());
    }

    @Test
    void subStatementCannotNestOrCarryId() {
        String sub = "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + OBJECT + "}";
        accepted("{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + sub + "}", XapiVersion.V2_0_0);
        String withId = sub.replace("{\"objectType\"", "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"objectType\"");
        assertEquals("object.id", refused("{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + withId + "}",
                XapiVersion.V2_0_0).path());
        String nested = sub.replace(",\"object\":" + OBJECT, ",\"object\":" + sub);
        assertEquals("object.object.objectType", refused("{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + nested + "}",
                XapiVersion.V2_0_0).path());
    }

    @Test
    void voidingStatementMustTargetAStatementRef() {
        String json = "{\"actor\":" + ACTOR + ",\"verb\":{\"id\":\"" + StatementRules.VOIDED + "\"},\"object\":" + OBJECT + "}";
        assertEquals("object", refused(json, XapiVersion.V2_0_0).path());
    }

    @Test
    void versionMustBeSupported() {
        assertEquals("version", refused(statement(",\"version\":\"0.9\""), XapiVersion.V1_0_3).path());
        assertEquals("version", refused(statement(",\"version\":\"2.0.0\""), XapiVersion.V1_0_3).path());
        accepted(statement(",\"version\":\"2.0.0\""), XapiVersion.V2_0_0);
    }

    @Test
    void attachmentNeedsLengthAndSha2() {
        String att = ",\"attachments\":[{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"a\"},"
                + "\"contentType\":\"text/plain\",\"sha2\":\"" + "a".repeat(64) + "\"}]";
        assertEquals("attachments[0].length", refused(statement(att), XapiVersion.V2_0_0).path());
    }

    /** An IRI of exactly {@code length} characters. */
    static String iri(int length) {
        String prefix = "http://example.org/";
        return prefix + "i".repeat(length - prefix.length());
    }

    static String withVerb(String verbId) {
        return "{\"actor\":" + ACTOR + ",\"verb\":{\"id\":\"" + verbId + "\"},\"object\":" + OBJECT + "}";
    }

    static String withObject(String object) {
        return "{\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + object + "}";
    }

    /** xapi_statement_verb.iri is VARCHAR(2048). */
    @Test
    void aVerbIdLongerThanItsColumnIsRefusedNamingIt() {
        accepted(withVerb(iri(2048)), XapiVersion.V2_0_0);
        XapiException e = refused(withVerb(iri(2049)), XapiVersion.V2_0_0);
        assertEquals("verb.id", e.path());
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    /** xapi_statement_activity.iri and xapi_activity.iri are VARCHAR(2048), for the object ... */
    @Test
    void anActivityIdLongerThanItsColumnIsRefusedNamingIt() {
        accepted(withObject("{\"id\":\"" + iri(2048) + "\"}"), XapiVersion.V2_0_0);
        assertEquals("object.id", refused(withObject("{\"id\":\"" + iri(2049) + "\"}"), XapiVersion.V2_0_0).path());
    }

    /** ... for context activities ... */
    @Test
    void aContextActivityIdLongerThanItsColumnIsRefusedNamingIt() {
        assertEquals("context.contextActivities.grouping[0].id", refused(statement(
                ",\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"" + iri(2049) + "\"}]}}"),
                XapiVersion.V2_0_0).path());
    }

    /** ... and for the object of a sub-statement. */
    @Test
    void aSubStatementActivityIdLongerThanItsColumnIsRefusedNamingIt() {
        String sub = "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":" + VERB
                + ",\"object\":{\"id\":\"" + iri(2049) + "\"}}";
        assertEquals("object.object.id", refused(withObject(sub), XapiVersion.V2_0_0).path());
    }

    /** xapi_statement_agent.ifi is VARCHAR(2100): an actor's IFI is checked where every Agent is read. */
    @Test
    void anActorIfiLongerThanItsColumnIsRefusedNamingIt() {
        String json = "{\"actor\":{\"openid\":\"" + iri(2100) + "\"},\"verb\":" + VERB + ",\"object\":" + OBJECT + "}";
        assertEquals("actor.openid", refused(json, XapiVersion.V2_0_0).path());
    }

    static String attachment(String contentType, String sha2) {
        return ",\"attachments\":[{\"usageType\":\"http://example.org/u\",\"display\":{\"en\":\"a\"},"
                + "\"contentType\":\"" + contentType + "\",\"length\":1,\"sha2\":\"" + sha2 + "\"}]";
    }

    /** xapi_attachment.sha2 is VARCHAR(128): SHA-512 in hex, the longest SHA-2. */
    @Test
    void anAttachmentSha2LongerThanItsColumnIsRefusedNamingIt() {
        accepted(statement(attachment("text/plain", "a".repeat(128))), XapiVersion.V2_0_0);
        assertEquals("attachments[0].sha2",
                refused(statement(attachment("text/plain", "a".repeat(129))), XapiVersion.V2_0_0).path());
    }

    /** xapi_attachment.content_type is VARCHAR(255). */
    @Test
    void anAttachmentContentTypeLongerThanItsColumnIsRefusedNamingIt() {
        String longest = "text/" + "p".repeat(250);
        accepted(statement(attachment(longest, "a".repeat(64))), XapiVersion.V2_0_0);
        assertEquals("attachments[0].contentType",
                refused(statement(attachment(longest + "p", "a".repeat(64))), XapiVersion.V2_0_0).path());
    }

    @Test
    void anOverlongLanguageTagIsRefusedNotAStackOverflow() {
        String tag = "en" + "-aaaaa".repeat(2000);
        String json = "{\"actor\":" + ACTOR + ",\"verb\":{\"id\":\"http://example.org/v\",\"display\":{\"" + tag
                + "\":\"did\"}},\"object\":" + OBJECT + "}";
        assertEquals("verb.display." + tag, refused(json, XapiVersion.V2_0_0).path());
        assertEquals("context.language", refused(statement(",\"context\":{\"language\":\"" + tag + "\"}"),
                XapiVersion.V2_0_0).path());
    }

    @Test
    void anOverlongVersionIsRefusedBeforeThePatternRuns() {
        assertEquals("version", refused(statement(",\"version\":\"1.0." + "0".repeat(100_000) + "\""),
                XapiVersion.V1_0_3).path());
    }

    @Test
    void aDurationIsCheckedByTheGrammar() {
        accepted(statement(",\"result\":{\"duration\":\"P" + "1".repeat(100_000) + "D\"}"), XapiVersion.V2_0_0);
        assertEquals("result.duration", refused(statement(",\"result\":{\"duration\":\"P1H\"}"),
                XapiVersion.V2_0_0).path());
    }

    @Test
    void authorityGroupMustBeAnonymousWithTwoAgents() {
        String two = "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@x.org\"},{\"mbox\":\"mailto:b@x.org\"}]}";
        accepted(statement(",\"authority\":" + two), XapiVersion.V2_0_0);
        String three = two.replace("]}", ",{\"mbox\":\"mailto:c@x.org\"}]}");
        assertEquals("authority", refused(statement(",\"authority\":" + three), XapiVersion.V2_0_0).path());
        String identified = "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@x.org\"}";
        assertEquals("authority", refused(statement(",\"authority\":" + identified), XapiVersion.V1_0_3).path());
    }
}
