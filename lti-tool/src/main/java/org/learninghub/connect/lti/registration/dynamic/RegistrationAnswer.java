package org.learninghub.connect.lti.registration.dynamic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's answer to the registration (Dynamic Registration 1.0 §3.6): the client_id it gave the
 * tool and the deployment id from the tool configuration block it echoes back.
 */
record RegistrationAnswer(String clientId, String deploymentId) {

    static final int MAX_ID = 255;

    static RegistrationAnswer of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw RegistrationFailure.platform("the registration answer is not a JSON object");
        }
        String clientId = id(json.get("client_id"), "client_id");
        JsonNode tool = json.get(ToolRegistration.LTI_TOOL_CONFIGURATION);
        if (tool == null || !tool.isObject()) {
            throw RegistrationFailure.platform("the registration answer has no " + ToolRegistration.LTI_TOOL_CONFIGURATION);
        }
        return new RegistrationAnswer(clientId, id(tool.get("deployment_id"), "deployment_id"));
    }

    private static String id(JsonNode value, String field) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            throw RegistrationFailure.platform("the registration answer has no " + field);
        }
        String text = value.asText();
        if (text.isBlank() || text.length() > MAX_ID) {
            throw RegistrationFailure.platform(field + " must be 1 to " + MAX_ID + " characters");
        }
        return text;
    }
}
