package org.learninghub.connect.hub.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.learninghub.connect.lti.launch.LaunchContext;
import org.learninghub.connect.lti.launch.LaunchHandler;
import org.learninghub.connect.lti.page.HtmlPage;

/**
 * Until the xAPI launch bridge exists (federation issue), a validated launch shows a plain page saying who
 * launched what from where. It starts no content and records nothing.
 */
@ApplicationScoped
public class PlaceholderLaunchHandler implements LaunchHandler {

    @Override
    public Response handle(LaunchContext launch) {
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
                + "</dl>\n<p>The Hub will start this content here once the launch bridge is in place.</p>";
        return Response.ok(HtmlPage.page("Hub launch", body), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String row(String term, String value) {
        return "<dt>" + HtmlPage.escape(term) + "</dt><dd data-field=\"" + HtmlPage.escape(term) + "\">"
                + HtmlPage.escape(value) + "</dd>";
    }
}
