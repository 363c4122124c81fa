package org.learninghub.connect.hub.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.learninghub.connect.hub.api.HubProblem;

/**
 * The UTC days a report covers, both ends included, from the {@code from} and {@code to} parameters (ISO-8601
 * dates). Without {@code to} it ends today; without {@code from} it covers the 30 days up to {@code to}.
 */
record DateRange(LocalDate from, LocalDate to) {

    /** The longest day series (and so its JSON and CSV). */
    static final int MAX_DAY_SERIES = 400;
    /** The longest range of a weekly series or a table. */
    static final int MAX_RANGE = 1100;
    private static final int DEFAULT_DAYS = 30;

    static DateRange of(String from, String to, int maxDays, LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1));
        if (start.isAfter(end)) {
            throw HubProblem.badRequest("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw HubProblem.badRequest("to", "from and to may span at most " + maxDays + " days here");
        }
        return new DateRange(start, end);
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.length() != 10) {
            throw HubProblem.badRequest(name, "an ISO-8601 date, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw HubProblem.badRequest(name, "an ISO-8601 date, YYYY-MM-DD");
        }
    }
}
