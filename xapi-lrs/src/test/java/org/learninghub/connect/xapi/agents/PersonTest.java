package org.learninghub.connect.xapi.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.agent.Ifi;

class PersonTest {

    @Test
    void personOfAnAgentHoldsItsNameAndIfiAsArrays() {
        Person person = Person.of(AgentJson.parseParameter(
                "{\"name\":\"Ann\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}", "agent"));
        assertEquals("{\"objectType\":\"Person\",\"name\":[\"Ann\"],"
                + "\"account\":[{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}]}", person.toJson().toString());
    }

    @Test
    void anAgentWithoutNameGivesNoNameProperty() {
        Person person = Person.of(AgentJson.parseParameter("{\"mbox\":\"mailto:ann@example.org\"}", "agent"));
        assertEquals("{\"objectType\":\"Person\",\"mbox\":[\"mailto:ann@example.org\"]}", person.toJson().toString());
    }

    @Test
    void severalIfisOfOneKindShareOneArray() {
        Person person = new Person(List.of("Ann", "A. Smith"), List.of(new Ifi.Mbox("mailto:ann@example.org"),
                new Ifi.MboxSha1Sum("ABCDEF0123456789ABCDEF0123456789ABCDEF01"), new Ifi.Mbox("mailto:a.smith@example.org")));
        assertEquals("{\"objectType\":\"Person\",\"name\":[\"Ann\",\"A. Smith\"],"
                + "\"mbox\":[\"mailto:ann@example.org\",\"mailto:a.smith@example.org\"],"
                + "\"mbox_sha1sum\":[\"abcdef0123456789abcdef0123456789abcdef01\"]}", person.toJson().toString());
    }
}
