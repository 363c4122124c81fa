package org.learninghub.connect.lti.ags;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A line item (AGS 2.0 §3.2.7): a gradebook column. Optional fields are null when absent, as on the wire.
 *
 * @param id             its URL at the platform; null only for one not created yet
 * @param scoreMaximum   positive, required
 * @param label          non-blank, required
 * @param startDateTime  ISO 8601 with offset, or null
 * @param endDateTime    ISO 8601 with offset, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineItem(String id, Double scoreMaximum, String label, String resourceId, String resourceLinkId,
                       String tag, String startDateTime, String endDateTime, Boolean gradesReleased) {

    static final int MAX_TEXT = 2048;

    public LineItem {
        if (label == null || label.isBlank() || label.length() > MAX_TEXT) {
            throw new IllegalArgumentException("label is required (1-" + MAX_TEXT + " characters)");
        }
        if (scoreMaximum == null || !(scoreMaximum > 0) || scoreMaximum.isInfinite()) {
            throw new IllegalArgumentException("scoreMaximum is required and must be a positive number");
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        dateTime("startDateTime", startDateTime);
        dateTime("endDateTime", endDateTime);
    }

    /** A new line item to create. */
    public static LineItem of(String label, double scoreMaximum, String resourceId, String resourceLinkId, String tag) {
        return new LineItem(null, scoreMaximum, label, resourceId, resourceLinkId, tag, null, null, null);
    }

    /** This line item as the platform named it, for an update. */
    public LineItem withId(String newId) {
        return new LineItem(newId, scoreMaximum, label, resourceId, resourceLinkId, tag, startDateTime, endDateTime,
                gradesReleased);
    }

    private static void dateTime(String field, String value) {
        if (value != null) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be an ISO 8601 date and time with offset");
            }
        }
    }
}
