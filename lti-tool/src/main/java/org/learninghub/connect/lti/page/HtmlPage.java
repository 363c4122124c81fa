package org.learninghub.connect.lti.page;

import java.util.Map;

/** Builds the tool's small HTML documents; every dynamic value goes through {@link #escape}. */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** A complete UTF-8 document around already-escaped body markup. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body>\n" + body + "\n</body></html>\n";
    }

    /**
     * A form that posts the given fields to {@code action} as soon as the page loads: how OIDC form_post
     * and Deep Linking responses travel through the browser. The button is there for browsers without script.
     */
    public static String autoSubmit(String title, String action, Map<String, String> fields) {
        StringBuilder form = new StringBuilder("<form id=\"autosubmit\" method=\"post\" action=\"")
                .append(escape(action)).append("\">\n");
        fields.forEach((name, value) -> form.append(hidden(name, value)));
        form.append("<button type=\"submit\">Continue</button>\n</form>\n")
                .append("<script>document.getElementById('autosubmit').submit();</script>");
        return page(title, form.toString());
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    /** HTML-escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
