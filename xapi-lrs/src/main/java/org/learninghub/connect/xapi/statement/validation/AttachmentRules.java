package org.learninghub.connect.xapi.statement.validation;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.validation.JsonRules;

/** Attachment metadata of a statement (1.0.3 Data §2.4.11). */
final class AttachmentRules {

    private static final Set<String> ATTACHMENT =
            Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");
    /** The longest contentType accepted: the column that stores an attachment's type holds 255 characters. */
    static final int MAX_CONTENT_TYPE = 255;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");
    private static final Pattern SHA2 = Pattern.compile("[0-9a-fA-F]{56,128}");

    private AttachmentRules() {
    }

    static void attachments(JsonNode list, String path) {
        if (!list.isArray()) {
            throw XapiException.invalid(path, "must be an array of attachments");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode a = JsonRules.requireObject(list.get(i), at);
            JsonRules.onlyProperties(a, at, ATTACHMENT);
            JsonRules.requiredIri(a, "usageType", at);
            if (!a.has("display")) {
                throw XapiException.invalid(child(at, "display"), "is required");
            }
            Values.languageMap(a, "display", at);
            Values.languageMap(a, "description", at);
            String type = JsonRules.requiredString(a, "contentType", at);
            if (type.length() > MAX_CONTENT_TYPE || !MEDIA_TYPE.matcher(type).matches()) {
                throw XapiException.invalid(child(at, "contentType"), "must be an Internet Media Type of at most "
                        + MAX_CONTENT_TYPE + " characters");
            }
            JsonNode length = a.get("length");
            if (length == null || !length.canConvertToLong() || !length.isIntegralNumber() || length.longValue() < 0) {
                throw XapiException.invalid(child(at, "length"), "is required, a non-negative integer");
            }
            String sha2 = JsonRules.requiredString(a, "sha2", at);
            if (!SHA2.matcher(sha2).matches()) {
                throw XapiException.invalid(child(at, "sha2"), "must be the hex SHA-2 of the attachment");
            }
            Values.optionalIri(a, "fileUrl", at);
        }
    }
}
