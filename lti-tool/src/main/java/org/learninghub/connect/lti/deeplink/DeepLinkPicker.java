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
import org.learninghub.connect.lti.page.HtmlPage;
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
        return Response.ok(page(session, catalog.items(launch.tenantId())), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static String page(DeepLinkSession session, List<CatalogItem> items) {
        String inputType = session.acceptMultiple() ? "checkbox" : "radio";
        StringBuilder body = new StringBuilder("<h1>Choose Hub content to add</h1>\n")
                .append("<form id=\"picker\" method=\"post\" action=\"deep-link/response\">\n")
                .append(HtmlPage.hidden("session", session.id()))
                .append("<ul>\n");
        for (CatalogItem item : items) {
            body.append("<li><label><input type=\"").append(inputType).append("\" name=\"item\" value=\"")
                    .append(HtmlPage.escape(item.resourceId())).append("\"> ")
                    .append(HtmlPage.escape(item.title())).append("</label> ")
                    .append(HtmlPage.escape(item.description()))
                    .append(item.scoreMaximum().map(m -> " (graded, out of " + m + ")").orElse(""))
                    .append("</li>\n");
        }
        if (items.isEmpty()) {
            body.append("<li>The Hub has no content to offer yet.</li>\n");
        }
        body.append("</ul>\n<button type=\"submit\">Add to course</button>\n</form>");
        return HtmlPage.page("Choose Hub content", body.toString());
    }
}
