package org.learninghub.connect.lti.deeplink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learninghub.connect.lti.keys.ToolKeyRing;
import org.learninghub.connect.lti.page.HtmlPage;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;
import org.learninghub.connect.lti.registration.ToolEndpoints;

/**
 * Sends the signed LtiDeepLinkingResponse back through the browser: an auto-submitted form posting
 * {@code JWT} to the platform's {@code deep_link_return_url} (Deep Linking 2.0 §4.5).
 */
@ApplicationScoped
public class DeepLinkReturn {

    @Inject
    RegistrationStore registrations;

    @Inject
    ToolKeyRing keys;

    @Inject
    ToolEndpoints endpoints;

    public Response answer(DeepLinkSession session, List<CatalogItem> items, Optional<String> errorMessage) {
        PlatformRegistration registration = registrations.findById(session.registrationId())
                .filter(PlatformRegistration::active)
                .orElseThrow(() -> LtiProblem.badRequest("The platform registration is no longer active."));
        String jwt = new DeepLinkResponseBuilder(registration.clientId(), registration.issuer(),
                endpoints.urls().targetLinkUrl()).signed(session, items, errorMessage, keys.signingKey(), Instant.now());
        return Response.ok(HtmlPage.autoSubmit("Returning to your platform", session.returnUrl().toString(),
                        Map.of("JWT", jwt)), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
