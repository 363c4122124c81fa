package org.learninghub.connect.hub.catalogue.quality;

import java.util.List;
import java.util.Locale;
import org.learninghub.connect.hub.catalogue.ResourceType;

/**
 * Metadata that passed every rejecting rule, in the form it is stored: text stripped, keywords folded,
 * de-duplicated and without stop-words, optional values null. Every value fits its column.
 */
public record CleanResource(String title, String description, List<String> keywords, ResourceType type,
                            String launchUrl, String activityId, String version, String ownerTrust, String source,
                            String sourceId, List<String> audience, String licence, boolean gradable,
                            Double scoreMaximum) {

    public CleanResource {
        keywords = List.copyOf(keywords);
        audience = List.copyOf(audience);
    }

    /** The title as duplicates are found: case-folded, runs of whitespace as one space. */
    public String titleKey() {
        return titleKey(title);
    }

    public static String titleKey(String title) {
        StringBuilder out = new StringBuilder(title.length());
        boolean space = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
