package org.learninghub.connect.lti.nrps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.lti.platformcall.PlatformAnswerInvalidException;
import org.learninghub.connect.lti.platformcall.PlatformJson;

class MemberTest {

    private static MembershipContainer page(String json) {
        return PlatformJson.read(json.getBytes(StandardCharsets.UTF_8), MembershipContainer.class, "membership container");
    }

    @Test
    void parsesTheSpecificationsExample() {
        MembershipContainer page = page("""
                {"id":"https://lms.example.com/sections/2923/memberships","context":{"id":"2923-abc","label":"CPS 435","title":"CPS 435 Learning Analytics"},
                 "members":[{"status":"Active","name":"Jane Q. Public","picture":"https://platform.example.edu/jane.jpg",
                   "given_name":"Jane","family_name":"Doe","email":"jane@platform.example.edu","user_id":"0ae836b9-7fc9-4060-006f-27b2066ac545",
                   "lis_person_sourcedid":"59254-6782-12ab","roles":["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]}]}""");
        Member jane = page.members().get(0);
        assertEquals("Jane", jane.givenName());
        assertTrue(jane.hasRole("Instructor"));
        assertEquals("2923-abc", page.context().id());
    }

    @Test
    void statusDefaultsToActive() {
        assertEquals(Member.Status.Active,
                page("{\"context\":{\"id\":\"c\"},\"members\":[{\"user_id\":\"u\",\"roles\":[]}]}").members().get(0).status());
    }

    @Test
    void userIdRolesContextAndMembersAreRequired() {
        assertThrows(PlatformAnswerInvalidException.class, () -> page("{\"context\":{\"id\":\"c\"},\"members\":[{\"roles\":[]}]}"));
        assertThrows(PlatformAnswerInvalidException.class, () -> page("{\"context\":{\"id\":\"c\"},\"members\":[{\"user_id\":\"u\"}]}"));
        assertThrows(PlatformAnswerInvalidException.class, () -> page("{\"members\":[]}"));
        assertThrows(PlatformAnswerInvalidException.class, () -> page("{\"context\":{\"id\":\"c\"}}"));
        assertThrows(PlatformAnswerInvalidException.class, () -> page("{\"context\":{\"id\":\"c\"},\"members\":[null]}"));
    }

    @Test
    void anUnknownStatusIsInvalid() {
        assertThrows(PlatformAnswerInvalidException.class,
                () -> page("{\"context\":{\"id\":\"c\"},\"members\":[{\"user_id\":\"u\",\"roles\":[],\"status\":\"Gone\"}]}"));
    }
}
