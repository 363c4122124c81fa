package org.learninghub.connect.xapi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * The Agent Profile resource, {@code /xapi/agents/profile}.
 * 1.0.3 Communication §2.6: documents about an Agent.
 */
@Path("xapi/agents/profile")
@ApplicationScoped
public class AgentProfileResource extends DocumentResource {

    @Override
    protected DocumentKind kind() {
        return DocumentKind.AGENT_PROFILE;
    }
}
