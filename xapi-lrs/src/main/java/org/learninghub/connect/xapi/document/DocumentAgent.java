package org.learninghub.connect.xapi.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.learninghub.connect.xapi.agent.AgentJson;
import org.learninghub.connect.xapi.agent.GroupJson;
import org.learninghub.connect.xapi.agent.Ifi;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.http.XapiVersion;

/**
 * The {@code agent} parameter of the State and Agent Profile resources, reduced to the IFI its documents
 * are filed under. 1.0.3 (Communication §2.3, §2.6) takes an Agent only ("not a Group"; a Group's
 * identifier goes inside an Agent object); 2.0.0 also takes an Identified Group, whose documents are
 * those of its IFI.
 */
final class DocumentAgent {

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
        return GroupJson.parseGroup(group, DocumentKind.AGENT).ifi().orElseThrow(() -> XapiException.invalid(
                DocumentKind.AGENT, "a Group names documents only when it is an Identified Group (with one IFI)"));
    }
}
