package org.learninghub.connect.hub.catalogue.importing;

import org.learninghub.connect.hub.api.HubProblem;

/** The query of {@code POST /admin/api/imports}: which platform the file comes from, and how to import it. */
public record ImportRequest(String source, boolean dryRun, boolean strict) {

    public ImportRequest {
        if (source == null || source.isBlank()) {
            throw HubProblem.badRequest("source", "is required: the code of the platform the file comes from");
        }
        if (source.length() > 40 || !source.chars().allMatch(c -> (Character.isLetterOrDigit(c) && c < 128)
                || c == '-' || c == '_')) {
            throw HubProblem.badRequest("source", "must be 1 to 40 letters, digits, '-' or '_'");
        }
    }

    /** {@code dryRun} and {@code strict} are true or false; anything else is a 400 naming the parameter. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw HubProblem.badRequest(name, "must be true or false");
        };
    }
}
