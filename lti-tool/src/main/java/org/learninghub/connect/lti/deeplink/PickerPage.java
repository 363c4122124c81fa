package org.learninghub.connect.lti.deeplink;

import java.util.List;
import org.learninghub.connect.lti.page.HtmlPage;

/**
 * The picker: a search form and the items found, as checkboxes if the platform accepts several items, radio
 * buttons otherwise. Only the session id travels in the forms.
 */
final class PickerPage {

    /** Results shown per search. */
    static final int RESULTS = 50;

    private PickerPage() {
    }

    /** {@code base} makes the form actions relative to the page's own URL ("deep-link/" from /lti/launch). */
    static String render(DeepLinkSession session, List<CatalogItem> items, String query, String base) {
        String inputType = session.acceptMultiple() ? "checkbox" : "radio";
        StringBuilder body = new StringBuilder("<h1>Choose Hub content to add</h1>\n")
                .append("<form id=\"search\" method=\"post\" action=\"").append(base).append("search\">\n")
                .append(HtmlPage.hidden("session", session.id()))
                .append("<label>Search the catalogue <input type=\"search\" name=\"q\" maxlength=\"")
                .append(DeepLinkCatalog.MAX_QUERY).append("\" value=\"").append(HtmlPage.escape(query))
                .append("\"></label> <button type=\"submit\">Search</button>\n</form>\n")
                .append("<form id=\"picker\" method=\"post\" action=\"").append(base).append("response\">\n")
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
            body.append("<li>").append(query.isEmpty() ? "The Hub has no content to offer yet."
                    : "Nothing in the catalogue matches these words.").append("</li>\n");
        }
        body.append("</ul>\n<button type=\"submit\">Add to course</button>\n</form>");
        return HtmlPage.page("Choose Hub content", body.toString());
    }
}
