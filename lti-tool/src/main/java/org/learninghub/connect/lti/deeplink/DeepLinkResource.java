package org.learninghub.connect.lti.deeplink;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.learninghub.connect.lti.page.FrameAncestors;
import org.learninghub.connect.lti.page.HtmlPage;
import org.learninghub.connect.lti.page.LtiProblem;
import org.learninghub.connect.lti.registration.PlatformRegistration;
import org.learninghub.connect.lti.registration.RegistrationStore;

/**
 * {@code /lti/deep-link}: the deep linking target URL an LMS administrator registers, and
 * {@code /lti/deep-link/response}, where the picker posts the teacher's choice.
 */
@Path("lti/deep-link")
@Produces(MediaType.TEXT_HTML)
public class DeepLinkResource {

    @Inject
    DeepLinkSessions sessions;

    @Inject
    DeepLinkCatalog catalog;

    @Inject
    DeepLinkReturn returner;

    @Inject
    RegistrationStore registrations;

    @Inject
    FrameAncestors frameAncestors;

    /** Resource ids are UUIDs; anything much longer is not one and is not looked up. */
    static final int MAX_ITEM_ID = 100;

    /**
     * The picker's search: the same session (not consumed), the catalogue searched for the teacher's words, the
     * picker shown again with what was found.
     */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@FormParam("session") String sessionId, @FormParam("q") String query) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
            throw LtiProblem.badRequest("The search has no session.");
        }
        String words = query == null ? "" : query.strip();
        if (words.length() > DeepLinkCatalog.MAX_QUERY) {
            throw LtiProblem.badRequest("The search is longer than " + DeepLinkCatalog.MAX_QUERY + " characters.");
        }
        DeepLinkSession session = sessions.peek(sessionId).orElseThrow(() -> LtiProblem.badRequest(
                "This selection is unknown or was already sent; start again from your platform."));
        PlatformRegistration registration = registrations.findById(session.registrationId())
                .orElseThrow(() -> LtiProblem.badRequest("The platform registration is gone."));
        frameAncestors.allow(registration);
        if (!Instant.now().isBefore(session.expires())) {
            throw LtiProblem.badRequest("This selection expired; start again from your platform.");
        }
        List<CatalogItem> found = catalog.search(registration.tenantId(), words, PickerPage.RESULTS);
        return Response.ok(PickerPage.render(session, found, words, ""), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** A deep linking request arrives at {@code /lti/launch}; a browser here directly gets directions. */
    @GET
    public String info() {
        return HtmlPage.page("Hub content selection", "<p>Content selection starts from your learning platform's "
                + "\"add activity\" dialogue; it cannot be opened directly.</p>");
    }

    @POST
    @Path("response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response respond(@FormParam("session") String sessionId, @FormParam("item") List<String> picked) {
        if (sessionId == null || sessionId.isBlank()) {
            throw LtiProblem.badRequest("The selection has no session.");
        }
        DeepLinkSession session = sessions.take(sessionId).orElseThrow(() -> LtiProblem.badRequest(
                "This selection is unknown or was already sent; start again from your platform."));
        PlatformRegistration registration = registrations.findById(session.registrationId())
                .orElseThrow(() -> LtiProblem.badRequest("The platform registration is gone."));
        frameAncestors.allow(registration);
        if (!Instant.now().isBefore(session.expires())) {
            throw LtiProblem.badRequest("This selection expired; start again from your platform.");
        }
        long tenantId = registration.tenantId();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(picked == null ? List.of() : picked));
        // Deep Linking §4.4.1 accept_multiple=false: at most one item may come back.
        if (!session.acceptMultiple() && ids.size() > 1) {
            throw LtiProblem.badRequest("The platform accepts only one item here.");
        }
        // Only items the catalogue offers this trust may be linked, whatever the form says.
        List<CatalogItem> items = new ArrayList<>();
        for (String id : ids) {
            CatalogItem item = (id.length() > MAX_ITEM_ID ? Optional.<CatalogItem>empty() : catalog.find(tenantId, id))
                    .orElseThrow(() -> LtiProblem.badRequest("An item picked is not in the Hub catalogue."));
            items.add(item);
        }
        return returner.answer(session, items, Optional.empty());
    }
}
