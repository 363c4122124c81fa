package org.learninghub.connect.lti.deeplink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.lti.claims.LtiClaims;
import org.learninghub.connect.lti.launch.DeepLinkingRequestHandler;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.login.Randoms;
import org.learninghub.connect.lti.settings.LtiSettings;

/**
 * Answers a validated LtiDeepLinkingRequest with the picker page (Deep Linking 2.0 §4.4). If the platform
 * does not accept {@code ltiResourceLink} items, the tool cannot offer anything and answers at once with
 * a signed response carrying {@code errormsg} (§4.5.6).
 */
@ApplicationScoped
public class DeepLinkPicker implements DeepLinkingRequestHandler {

    @Inject
    DeepLinkCatalog catalog;

    @Inject
    DeepLinkSessions sessions;

    @Inject
    DeepLinkReturn returner;

    @Inject
    LtiSettings settings;

    @Override
    public Response show(LaunchContext launch) {
        LaunchContext.DeepLinkingSettings request = launch.deepLinking().orElseThrow();
        Instant now = Instant.now();
        DeepLinkSession session = new DeepLinkSession(Randoms.token(), launch.registrationId(), launch.deploymentId(),
                URI.create(request.deepLinkReturnUrl()), request.acceptTypes(), request.multipleAccepted(),
                Optional.ofNullable(request.data()), now.plus(settings.deepLinkTtl()));
        if (!request.acceptTypes().contains(LtiClaims.LTI_RESOURCE_LINK_TYPE)) {
            return returner.answer(session, List.of(),
                    Optional.of("This tool only offers LTI resource links, which the platform does not accept here."));
        }
        sessions.purgeExpired(now);
        sessions.add(session);
        return Response.ok(PickerPage.render(session, catalog.search(launch.tenantId(), "", PickerPage.RESULTS), "",
                "deep-link/"), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
