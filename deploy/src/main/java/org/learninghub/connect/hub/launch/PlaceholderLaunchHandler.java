package org.learninghub.connect.hub.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.learninghub.connect.hub.catalogue.Catalogue;
import org.learninghub.connect.hub.catalogue.Resource;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.launch.LaunchHandler;
import org.learninghub.connect.lti.page.HtmlPage;
import org.learninghub.connect.lti.page.LtiProblem;

/**
 * Until the xAPI launch bridge exists (issue 18), a validated launch shows a plain page saying who launched what
 * from where, and, when the link's custom {@code hub_resource_id} names a published catalogue resource, its title
 * and launch URL. An id that names no resource, or a retired or unpublished one, gets a 404 page. It starts no
 * content and records nothing.
 */
@ApplicationScoped
public class PlaceholderLaunchHandler implements LaunchHandler {

    static final String HUB_RESOURCE_ID = "hub_resource_id";

    @Inject
    Catalogue catalogue;

    @Override
    public Response handle(LaunchContext launch) {
        Optional<Resource> resource = Optional.empty();
        String wanted = launch.custom().get(HUB_RESOURCE_ID);
        if (wanted != null) {
            resource = CatalogueDeepLinks.ResourceIds.parse(wanted).flatMap(catalogue::find);
            if (resource.isEmpty()) {
                throw new LtiProblem(Response.Status.NOT_FOUND, "This link points to Hub content that does not exist."
                        + " Ask the course's teacher to choose the content again.");
            }
            if (!resource.get().isPublished()) {
                throw new LtiProblem(Response.Status.NOT_FOUND, "This Hub content (" + resource.get().title()
                        + ") is " + resource.get().status() + " and cannot be opened. Ask the course's teacher to"
                        + " choose other content.");
            }
        }
        String who = launch.name().or(launch::subject).orElse("an anonymous user");
        String what = launch.resourceLink().map(r -> r.title() != null ? r.title() + " (" + r.id() + ")" : r.id())
                .orElse("?");
        String body = "<h1>Hub launch received</h1>\n<dl id=\"launch\">"
                + row("user", launch.subject().orElse("(anonymous)"))
                + row("name", who)
                + row("roles", String.join(" ", launch.roles()))
                + row("platform", launch.issuer())
                + row("deployment", launch.deploymentId())
                + row("context", launch.context().map(c -> c.title() != null ? c.title() : c.id()).orElse("(none)"))
                + row("resource link", what)
                + row("hub resource", launch.custom().getOrDefault("hub_resource_id", "(none)"))
                + row("lti 1.1 user", launch.lti11UserId().orElse("(none)"))
                + row("grades service", launch.ags().map(a -> a.lineitems() != null ? a.lineitems() : "yes").orElse("no"))
                + "</dl>\n"
                + resource.map(r -> "<h2 id=\"resource\">" + HtmlPage.escape(r.title()) + "</h2>\n<p>Content: <a id=\"content\""
                        + " href=\"" + HtmlPage.escape(r.launchUrl()) + "\">" + HtmlPage.escape(r.launchUrl()) + "</a></p>\n")
                        .orElse("")
                + "<p>The Hub will start this content here once the launch bridge is in place.</p>";
        return Response.ok(HtmlPage.page("Hub launch", body), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String row(String term, String value) {
        return "<dt>" + HtmlPage.escape(term) + "</dt><dd data-field=\"" + HtmlPage.escape(term) + "\">"
                + HtmlPage.escape(value) + "</dd>";
    }
}
