package org.learninghub.connect.xapi.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;
import org.learninghub.connect.xapi.validation.JsonRules;

/**
 * The {@code agent} parameter of the State and Agent Profile resources, reduced to the IFI its documents
 * are filed under. 1.0.3 (Communication §2.3, §2.6) takes an Agent only ("not a Group"; a Group's
 * identifier goes inside an Agent object); 2.0.0 also takes an Identified Group, whose documents are
 * those of its IFI.
 */
final class DocumentAgent {

    private static final Set<String> GROUP_PROPERTIES =
            Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");

    private DocumentAgent() {
    }

    static Ifi parse(String json, XapiVersion version) {
        JsonNode node = XapiJson.parse(json, DocumentKind.AGENT);
        if (node.isObject() && "Group".equals(node.path("objectType").asText(null))) {
            if (!version.isAtLeast2()) {
                throw XapiException.invalid(DocumentKind.AGENT, "must be an Agent, not a Group, in xAPI 1.0.3: "
                        + "give the Group's identifier (mbox, mbox_sha1sum, openid or account) in an Agent object");
            }
            return identifiedGroup(node);
        }
        return AgentJson.parseAgent(node, DocumentKind.AGENT).ifi();
    }

    private static Ifi identifiedGroup(JsonNode group) {
        String path = DocumentKind.AGENT;
        JsonRules.onlyProperties(group, path, GROUP_PROPERTIES);
        JsonRules.optionalString(group, "name", path);
        JsonNode members = group.get("member");
        if (members != null) {
            if (!members.isArray()) {
                throw XapiException.invalid(JsonRules.child(path, "member"), "must be an array of Agents");
            }
            for (int i = 0; i < members.size(); i++) {
                AgentJson.parseAgent(members.get(i), path + ".member[" + i + "]");
            }
        }
        return AgentJson.parseIfi(group, path).orElseThrow(() -> XapiException.invalid(path,
                "a Group names documents only when it is an Identified Group (with one IFI)"));
    }
}
