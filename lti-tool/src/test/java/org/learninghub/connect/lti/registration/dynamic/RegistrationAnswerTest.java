package org.learninghub.connect.lti.registration.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RegistrationAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clientIdAndDeploymentComeFromTheAnswer() throws Exception {
        RegistrationAnswer answer = RegistrationAnswer.of(JSON.readTree("{\"client_id\":\"abc\","
                + "\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":7}}"));
        assertEquals("abc", answer.clientId());
        assertEquals("7", answer.deploymentId());
    }

    @Test
    void anAnswerWithoutThemIsThePlatformsFault() throws Exception {
        for (String body : new String[] {"[]", "{\"client_id\":\"abc\"}",
                "{\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":\"1\"}}",
                "{\"client_id\":\"\",\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":\"1\"}}",
                "{\"client_id\":{},\"https://purl.imsglobal.org/spec/lti-tool-configuration\":{\"deployment_id\":\"1\"}}"}) {
            RegistrationFailure failure = assertThrows(RegistrationFailure.class, () -> RegistrationAnswer.of(JSON.readTree(body)), body);
            assertEquals(502, failure.status().getStatusCode());
            assertTrue(failure.getMessage().startsWith("The platform's registration data is not usable"), failure.getMessage());
        }
    }
}
