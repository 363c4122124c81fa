package org.learninghub.connect.hub.catalogue;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing a catalogue resource is; the code is what the API and the import template use. */
public enum ResourceType {
    ELEARNING_PACKAGE("e-learning-package"),
    XAPI_CONTENT("xapi-content"),
    WEB_PAGE("web-page"),
    DOCUMENT_LINK("document-link"),
    TOOLKIT("toolkit");

    private final String code;

    ResourceType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The type of a code, read leniently: case and spaces or underscores for hyphens ("E-learning package"). */
    public static Optional<ResourceType> parse(String value) {
        if (value == null || value.length() > 40) {
            return Optional.empty();
        }
        String folded = value.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (ResourceType t : values()) {
            if (t.code.equals(folded)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
